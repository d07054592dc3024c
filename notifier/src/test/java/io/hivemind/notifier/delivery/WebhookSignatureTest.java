package io.hivemind.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
  private static final String SECRET = "whsec_test";
  private static final String BODY = "{\"id\":\"trade.closed:o-1\"}";

  @Test
  void shouldSignTheTimeAndTheBodyWithHmacSha256() {
    // computed independently: python3 -c 'import hmac, hashlib; print(hmac.new(b"whsec_test",
    //   b"1796292000.{\"id\":\"trade.closed:o-1\"}", hashlib.sha256).hexdigest())'
    assertThat(WebhookSignature.sign(SECRET, AT, BODY))
        .isEqualTo(
            "t=1796292000,v1=30434bdc495967d740e68500fed8c0939953e23a772e16c909bb36323c819446");
  }

  @Test
  void shouldVerifyItsOwnSignatureWithinTheTolerance() {
    String header = WebhookSignature.sign(SECRET, AT, BODY);

    assertThat(
            WebhookSignature.verify(
                header, SECRET, BODY, AT.plusSeconds(299), Duration.ofMinutes(5)))
        .isTrue();
  }

  @Test
  void shouldRefuseAnotherBodyAnotherSecretOrAnOldSignature() {
    String header = WebhookSignature.sign(SECRET, AT, BODY);

    assertThat(WebhookSignature.verify(header, SECRET, BODY + " ", AT, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(WebhookSignature.verify(header, "whsec_other", BODY, AT, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                header, SECRET, BODY, AT.plusSeconds(301), Duration.ofMinutes(5)))
        .as("replayed later")
        .isFalse();
    assertThat(WebhookSignature.verify("t=x,v1=zz", SECRET, BODY, AT, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(WebhookSignature.verify(null, SECRET, BODY, AT, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void shouldDrawADifferentSecretEachTime() {
    assertThat(WebhookSignature.newSecret())
        .startsWith("whsec_")
        .hasSize(6 + 43)
        .isNotEqualTo(WebhookSignature.newSecret());
  }
}
