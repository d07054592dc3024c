package io.hivemind.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TradeStatsTest {

  private static final Duration HALF_LIFE = Duration.ofDays(30);
  private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");

  private static TradeStats learn(TradeStats stats, double pnl, Instant time) {
    return stats.plus(new TradeResult(pnl, time), HALF_LIFE);
  }

  @Test
  void shouldCountWinsLossesAndPnl() {
    TradeStats stats = TradeStats.EMPTY;
    stats = learn(stats, 100, T0);
    stats = learn(stats, -40, T0.plusSeconds(60));
    stats = learn(stats, 0, T0.plusSeconds(120));

    assertThat(stats.trades()).isEqualTo(3);
    assertThat(stats.wins()).isEqualTo(1);
    assertThat(stats.losses()).isEqualTo(2);
    assertThat(stats.pnlSum()).isEqualTo(60);
    assertThat(stats.pnlSumSquares()).isEqualTo(100 * 100 + 40 * 40);
    assertThat(stats.averagePnl()).isEqualTo(20);
    assertThat(stats.lastEventTimeMillis()).isEqualTo(T0.plusSeconds(120).toEpochMilli());
  }

  @Test
  void shouldTrackCurrentAndBestStreaks() {
    TradeStats stats = TradeStats.EMPTY;
    for (double pnl : new double[] {10, 10, 10, -5, 10, 10, -5, -5}) {
      stats = learn(stats, pnl, T0);
    }

    assertThat(stats.bestStreak()).isEqualTo(3);
    assertThat(stats.currentStreak()).isEqualTo(-2);
  }

  @Test
  void shouldHalveTheWeightOfATradeOneHalfLifeOlder() {
    TradeStats stats = learn(TradeStats.EMPTY, 10, T0);
    stats = learn(stats, -10, T0.plus(HALF_LIFE));

    assertThat(stats.decayedTrades()).isCloseTo(1.5, within(1e-12));
    assertThat(stats.decayedWins()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void shouldGiveTheSameDecayedCountsWhateverTheArrivalOrder() {
    TradeStats inOrder = learn(learn(TradeStats.EMPTY, 10, T0), -10, T0.plus(HALF_LIFE));
    TradeStats reversed = learn(learn(TradeStats.EMPTY, -10, T0.plus(HALF_LIFE)), 10, T0);

    assertThat(reversed.decayedTrades()).isCloseTo(inOrder.decayedTrades(), within(1e-12));
    assertThat(reversed.decayedWins()).isCloseTo(inOrder.decayedWins(), within(1e-12));
    assertThat(reversed.lastEventTimeMillis()).isEqualTo(inOrder.lastEventTimeMillis());
  }
}
