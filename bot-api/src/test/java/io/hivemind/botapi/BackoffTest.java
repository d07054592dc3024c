package io.hivemind.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff =
      new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  @Test
  void shouldDoubleThePauseUpToItsCeiling() {
    assertThat(backoff.delayBefore(1, Optional.empty(), 1)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delayBefore(2, Optional.empty(), 1)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.delayBefore(3, Optional.empty(), 1)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delayBefore(12, Optional.empty(), 1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delayBefore(64, Optional.empty(), 1)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldJitterHalfOfThePause() {
    assertThat(backoff.delayBefore(2, Optional.empty(), 0)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delayBefore(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void shouldWaitAtLeastAsLongAsTheServerAsksWithinReason() {
    assertThat(backoff.delayBefore(1, Optional.of(Duration.ofSeconds(3)), 0))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(backoff.delayBefore(1, Optional.of(Duration.ofHours(1)), 0))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldReadRetryAfterInSecondsOrAsADate() {
    Instant now = Instant.parse("2015-10-21T07:27:30Z");
    assertThat(Backoff.parseRetryAfter("2", now)).contains(Duration.ofSeconds(2));
    assertThat(Backoff.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now))
        .contains(Duration.ofSeconds(30));
    assertThat(Backoff.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now.plusSeconds(60)))
        .contains(Duration.ZERO);
    assertThat(Backoff.parseRetryAfter("soon", now)).isEmpty();
  }

  @Test
  void shouldRefuseABaseAboveItsCeiling() {
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
