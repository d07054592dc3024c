package io.hivemind.simulator.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.botapi.Backoff;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  @Test
  void shouldPauseAsItsBackoffSays() {
    assertThat(policy.delayBefore(2, Optional.of(Duration.ofSeconds(3)), 0.5))
        .isEqualTo(
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .delayBefore(2, Optional.of(Duration.ofSeconds(3)), 0.5));
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
}
