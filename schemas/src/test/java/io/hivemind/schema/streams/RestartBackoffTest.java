package io.hivemind.schema.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final RestartBackoff backoff =
      new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Test
  void shouldDoubleTheWaitWhileFailuresFollowEachOtherUpToTheMaximum() {
    Instant at = T0;
    StringBuilder waits = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      Duration wait = backoff.next(at);
      waits.append(wait.toSeconds()).append(' ');
      at = at.plus(wait).plusSeconds(20); // the replaced thread dies again 20 s later
    }

    assertThat(waits.toString().trim()).isEqualTo("1 2 4 8 16 30 30");
  }

  @Test
  void shouldStartAgainFromTheMinimumAfterAThreadRanWell() {
    backoff.next(T0);
    backoff.next(T0.plusSeconds(5));

    assertThat(backoff.next(T0.plusSeconds(5 + 121))).isEqualTo(Duration.ofSeconds(1));
  }
}
