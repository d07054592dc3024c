package io.hivemind.rules.answer;

import static io.hivemind.rules.answer.MapStatsLookup.stats;
import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.confidence.Counts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WinStatsCountsTest {

  @Test
  void shouldWeighTheDecayedCountsNotTheRawOnes() {
    assertThat(WinStatsCounts.decayed(Optional.of(stats(40, 30, 6.5, 10.25))))
        .isEqualTo(new Counts(6.5, 10.25));
  }

  @Test
  void shouldCountNothingWhenNothingWasLearned() {
    assertThat(WinStatsCounts.decayed(Optional.empty())).isEqualTo(Counts.NONE);
    assertThat(WinStatsCounts.trades(Optional.empty())).isZero();
  }

  @Test
  void shouldCapWinsAtTradesWhenRoundingPutsThemAbove() {
    double trades = 1234.5;
    double wins = Math.nextUp(trades + 1e-6);

    assertThat(WinStatsCounts.decayed(Optional.of(stats(2000, 2000, wins, trades))))
        .isEqualTo(new Counts(trades, trades));
  }

  @Test
  void shouldReportTheRawTradeCount() {
    assertThat(WinStatsCounts.trades(Optional.of(stats(40, 30, 6.5, 10.25)))).isEqualTo(40);
  }
}
