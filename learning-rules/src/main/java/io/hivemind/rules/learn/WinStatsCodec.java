package io.hivemind.rules.learn;

import io.hivemind.learning.stats.TradeStats;
import io.hivemind.schema.WinStats;
import java.time.Instant;

/** Converts between the pure {@link TradeStats} and its wire form {@link WinStats}. */
public final class WinStatsCodec {

  private WinStatsCodec() {}

  public static TradeStats decode(WinStats stats) {
    if (stats == null) {
      return TradeStats.EMPTY;
    }
    return new TradeStats(
        stats.getTrades(),
        stats.getWins(),
        stats.getPnlSum(),
        stats.getPnlSumSquares(),
        stats.getCurrentStreak(),
        stats.getBestStreak(),
        stats.getLastEventTime().toEpochMilli(),
        stats.getDecayedWins(),
        stats.getDecayedTrades());
  }

  public static WinStats encode(TradeStats stats) {
    return WinStats.newBuilder()
        .setTrades(stats.trades())
        .setWins(stats.wins())
        .setLosses(stats.losses())
        .setPnlSum(stats.pnlSum())
        .setPnlSumSquares(stats.pnlSumSquares())
        .setCurrentStreak(stats.currentStreak())
        .setBestStreak(stats.bestStreak())
        .setLastEventTime(Instant.ofEpochMilli(stats.lastEventTimeMillis()))
        .setDecayedWins(stats.decayedWins())
        .setDecayedTrades(stats.decayedTrades())
        .build();
  }
}
