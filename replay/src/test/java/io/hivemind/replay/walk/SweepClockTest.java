package io.hivemind.replay.walk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kafka Streams' stream-time punctuation schedule, as the live sweep runs on it. */
class SweepClockTest {

  @Test
  void firesAtTheFirstRecordThenAtEachIntervalBoundaryReached() {
    SweepClock clock = new SweepClock(1_000);

    assertThat(clock.due(1_700_000_000_500L)).isTrue(); // first stream time
    assertThat(clock.due(1_700_000_000_900L)).isFalse();
    assertThat(clock.due(1_700_000_001_000L)).isTrue(); // the aligned boundary
    assertThat(clock.due(1_700_000_001_999L)).isFalse();
    assertThat(clock.due(1_700_000_009_400L)).isTrue(); // a gap: once, not once per second
    assertThat(clock.due(1_700_000_009_999L)).isFalse();
    assertThat(clock.due(1_700_000_010_000L)).isTrue();
  }
}
