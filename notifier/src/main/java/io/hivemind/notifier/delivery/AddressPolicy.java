package io.hivemind.notifier.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where deliveries may go. A destination that resolves to a loopback, private, link-local (the
 * cloud's metadata service at 169.254.169.254 among them), carrier-grade NAT, unique-local IPv6,
 * multicast or unspecified address is refused, so a tenant cannot make the notifier call into the
 * network it runs in; configuration may allow loopback (the tests' receivers) and private addresses
 * (a receiver inside the deployment). Plain http is accepted only where such an address is allowed:
 * a public destination takes https. Checked at registration and again before each delivery (a name
 * may resolve elsewhere later); redirects are never followed.
 */
public record AddressPolicy(boolean allowLoopback, boolean allowPrivate) {

  public static final AddressPolicy STRICT = new AddressPolicy(false, false);

  /** Resolves names; replaced in tests that must not depend on the machine's DNS. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public Optional<String> refusal(URI url) {
    return refusal(url, InetAddress::getAllByName);
  }

  /** Why {@code url} is refused, or empty when it may be called. */
  public Optional<String> refusal(URI url, Resolver resolver) {
    String scheme = url.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      return Optional.of("only http(s) destinations are called");
    }
    String host = url.getHost();
    if (host == null) {
      return Optional.of("the URL names no host");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of(host + " does not resolve");
    }
    boolean inside = false;
    for (InetAddress address : addresses) {
      Optional<String> refused = refusal(address);
      if (refused.isPresent()) {
        return Optional.of(
            host + " resolves to " + address.getHostAddress() + ", " + refused.get());
      }
      inside |= address.isLoopbackAddress() || isPrivate(address);
    }
    if ("http".equals(scheme) && !inside) {
      return Optional.of("a public destination must use https");
    }
    return Optional.empty();
  }

  private Optional<String> refusal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return Optional.of("an unspecified or multicast address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address (never called: the cloud metadata service is one)");
    }
    if (address.isLoopbackAddress()) {
      return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
    }
    if (isPrivate(address)) {
      return allowPrivate ? Optional.empty() : Optional.of("a private address");
    }
    return Optional.empty();
  }

  /** RFC 1918, carrier-grade NAT (100.64/10) and unique-local IPv6 (fc00::/7). */
  private static boolean isPrivate(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc || address.isSiteLocalAddress();
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    return address.isSiteLocalAddress() || (first == 100 && second >= 64 && second < 128);
  }
}
