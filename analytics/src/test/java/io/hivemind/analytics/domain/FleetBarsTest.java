package io.hivemind.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.learning.regime.RegimeClassifier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetBarsTest {

  private static final Instant MINUTE = Instant.parse("2026-11-20T14:30:00Z");
  private static final Instant NOW = MINUTE.plusSeconds(65);
  private static final FleetBars.Rules RULES = new FleetBars.Rules(5, Duration.ofSeconds(60), 3, 8);
  private static final RegimeClassifier CLASSIFIER = RegimeClassifier.standard();

  private static FleetBars reportedBy(int users, double close) {
    FleetBars bars = FleetBars.empty();
    for (int u = 0; u < users; u++) {
      bars = bars.report("u" + u, MINUTE, close, 100, NOW, RULES);
    }
    return bars;
  }

  private static FleetBars settled(FleetBars bars) {
    return bars.settle(NOW.plusSeconds(60), RULES, CLASSIFIER);
  }

  @Test
  void shouldFeedTheMedianOfKDistinctUsers() {
    FleetBars bars = reportedBy(4, 4500).report("liar", MINUTE, 9000, 1e9, NOW, RULES);

    FleetBars after = settled(bars);

    assertThat(after.regime().minutesObserved()).isEqualTo(1);
    assertThat(Math.exp(after.regime().lastLogClose())).isCloseTo(4500, within(1e-6));
    assertThat(after.lastUsers()).isEqualTo(5);
  }

  @Test
  void shouldWithholdAMinuteFewerThanKUsersReported() {
    FleetBars after = settled(reportedBy(4, 4500));

    assertThat(after.regime().minutesObserved()).isZero();
    assertThat(after.minutesWithheld()).isEqualTo(1);
    assertThat(after.lastSettled()).isEqualTo(MINUTE);
  }

  @Test
  void shouldCountAUserOncePerMinute() {
    FleetBars bars = FleetBars.empty();
    for (int i = 0; i < 5; i++) {
      bars = bars.report("same", MINUTE, 4500 + i, 100, NOW, RULES);
    }

    assertThat(bars.pending().get(MINUTE).reports()).hasSize(1);
    assertThat(settled(bars).minutesWithheld()).isEqualTo(1);
  }

  @Test
  void shouldWaitUntilAMinuteIsQuiet() {
    FleetBars bars = reportedBy(5, 4500);

    assertThat(bars.settle(NOW.plusSeconds(30), RULES, CLASSIFIER).pending()).hasSize(1);
  }

  @Test
  void shouldIgnoreAReportForASettledMinute() {
    FleetBars after = settled(reportedBy(5, 4500));

    assertThat(after.report("late", MINUTE, 4400, 1, NOW.plusSeconds(120), RULES)).isSameAs(after);
  }

  @Test
  void shouldSettleTheOldestEarlyWhenTooManyMinutesWait() {
    FleetBars bars = FleetBars.empty();
    for (int m = 0; m < 4; m++) {
      bars = bars.report("u", MINUTE.plusSeconds(60L * m), 4500, 1, NOW, RULES);
    }

    FleetBars after = bars.settle(NOW, RULES, CLASSIFIER);

    assertThat(after.pending()).hasSize(3);
    assertThat(after.lastSettled()).isEqualTo(MINUTE);
  }

  @Test
  void shouldKeepAtMostMaxReportersPerMinute() {
    assertThat(reportedBy(12, 4500).pending().get(MINUTE).reports()).hasSize(8);
  }
}
