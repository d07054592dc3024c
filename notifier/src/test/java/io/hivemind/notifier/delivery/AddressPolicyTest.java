package io.hivemind.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

  /** Names resolve as a test says, never through the machine's DNS. */
  private static AddressPolicy.Resolver resolvingTo(String address) {
    return host -> {
      if (host.equals("nowhere.example")) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByName(address)};
    };
  }

  private static String refusal(AddressPolicy policy, String url, String resolvesTo) {
    return policy.refusal(URI.create(url), resolvingTo(resolvesTo)).orElse("allowed");
  }

  @Test
  void shouldAllowAPublicHttpsDestination() {
    assertThat(
            refusal(
                AddressPolicy.STRICT, "https://discord.com/api/webhooks/1/x", "162.159.135.232"))
        .isEqualTo("allowed");
  }

  @Test
  void shouldRefuseTheNetworkItRunsIn() {
    assertThat(refusal(AddressPolicy.STRICT, "https://hook.example/x", "127.0.0.1"))
        .isEqualTo("hook.example resolves to 127.0.0.1, a loopback address");
    assertThat(refusal(AddressPolicy.STRICT, "https://hook.example/x", "10.1.2.3"))
        .endsWith("a private address");
    assertThat(refusal(AddressPolicy.STRICT, "https://hook.example/x", "192.168.0.7"))
        .endsWith("a private address");
    assertThat(refusal(AddressPolicy.STRICT, "https://hook.example/x", "172.20.0.1"))
        .endsWith("a private address");
    assertThat(refusal(AddressPolicy.STRICT, "https://hook.example/x", "100.100.1.1"))
        .as("carrier-grade NAT")
        .endsWith("a private address");
    assertThat(refusal(AddressPolicy.STRICT, "https://hook.example/x", "fd12::1"))
        .as("unique-local IPv6")
        .endsWith("a private address");
    assertThat(refusal(AddressPolicy.STRICT, "https://hook.example/x", "::1"))
        .endsWith("a loopback address");
    assertThat(refusal(AddressPolicy.STRICT, "https://hook.example/x", "0.0.0.0"))
        .endsWith("an unspecified or multicast address");
  }

  @Test
  void shouldNeverCallALinkLocalAddressWhateverIsAllowed() {
    AddressPolicy open = new AddressPolicy(true, true);

    assertThat(refusal(open, "http://metadata.example/latest", "169.254.169.254"))
        .startsWith("metadata.example resolves to 169.254.169.254, a link-local address");
  }

  @Test
  void shouldAllowLoopbackOrPrivateOnlyWhenConfiguredAndThenPlainHttp() {
    assertThat(refusal(new AddressPolicy(true, false), "http://127.0.0.1:9/x", "127.0.0.1"))
        .isEqualTo("allowed");
    assertThat(refusal(new AddressPolicy(true, false), "http://10.0.0.2/x", "10.0.0.2"))
        .endsWith("a private address");
    assertThat(refusal(new AddressPolicy(false, true), "http://10.0.0.2/x", "10.0.0.2"))
        .isEqualTo("allowed");
  }

  @Test
  void shouldAskHttpsOfAPublicDestinationAndRefuseOtherSchemes() {
    assertThat(refusal(AddressPolicy.STRICT, "http://hooks.slack.com/x", "3.3.3.3"))
        .isEqualTo("a public destination must use https");
    assertThat(refusal(AddressPolicy.STRICT, "ftp://hooks.slack.com/x", "3.3.3.3"))
        .isEqualTo("only http(s) destinations are called");
    assertThat(refusal(AddressPolicy.STRICT, "https://nowhere.example/x", "3.3.3.3"))
        .isEqualTo("nowhere.example does not resolve");
  }
}
