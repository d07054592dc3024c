package io.hivemind.simulator.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  @Test
  void shouldEndTheSimulatedRangeWhereTheRunStarts() {
    SimulatedClock clock =
        SimulatedClock.endingNow(Duration.ofSeconds(60), 1440, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(clock.simulatedStart()).isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(clock.simulatedNow()).isEqualTo(clock.simulatedStart());
    // one simulated day later is one real minute later
    assertThat(clock.realAt(NOW)).isEqualTo(NOW.plusSeconds(60));
    assertThat(clock.untilDue(NOW.minus(Duration.ofHours(12)))).isEqualTo(Duration.ofSeconds(30));
    assertThat(clock.simulatedAt(NOW.plusSeconds(30))).isEqualTo(NOW.minus(Duration.ofHours(12)));
  }

  @Test
  void shouldStampHeartbeatsWithTheWallClock() {
    SimulatedClock clock =
        SimulatedClock.endingNow(Duration.ofSeconds(60), 1440, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(clock.wallClockAt(NOW.minus(Duration.ofHours(20)))).isEqualTo(NOW);
    assertThat(Timeline.SIMULATED_ONLY.wallClockAt(NOW.minusSeconds(5)))
        .isEqualTo(NOW.minusSeconds(5));
  }
}
