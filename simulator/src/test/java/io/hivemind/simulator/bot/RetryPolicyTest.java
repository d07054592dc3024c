package io.hivemind.simulator.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  @Test
  void shouldDoubleThePauseUpToItsCeiling() {
    assertThat(policy.delayBefore(1, Optional.empty(), 1)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delayBefore(2, Optional.empty(), 1)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.delayBefore(3, Optional.empty(), 1)).isEqualTo(Duration.ofMillis(800));
    assertThat(policy.delayBefore(12, Optional.empty(), 1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delayBefore(64, Optional.empty(), 1)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldJitterHalfOfThePause() {
    assertThat(policy.delayBefore(2, Optional.empty(), 0)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delayBefore(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void shouldWaitAtLeastAsLongAsTheServerAsksWithinReason() {
    assertThat(policy.delayBefore(1, Optional.of(Duration.ofSeconds(3)), 0))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delayBefore(1, Optional.of(Duration.ofHours(1)), 0))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldRetryOnlyWhatMayPass() {
    assertThat(RetryPolicy.isRetryable(429)).isTrue();
    assertThat(RetryPolicy.isRetryable(502)).isTrue();
    assertThat(RetryPolicy.isRetryable(503)).isTrue();
    assertThat(RetryPolicy.isRetryable(504)).isTrue();
    assertThat(RetryPolicy.isRetryable(400)).isFalse();
    assertThat(RetryPolicy.isRetryable(500)).isFalse();
    assertThat(RetryPolicy.isRetryable(202)).isFalse();
  }

  @Test
  void shouldReadRetryAfterInSecondsOrAsADate() {
    assertThat(RetryPolicy.parseRetryAfter("2")).contains(Duration.ofSeconds(2));
    assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("soon")).isEmpty();
  }
}
