package io.hivemind.confidence.model;

import io.hivemind.schema.WinStats;
import java.time.Instant;
import java.util.Optional;

/** A user's record on one side of one symbol, over every trade ever learned (not decayed). */
public record SideStats(
    long trades,
    long wins,
    long losses,
    double pnl,
    int currentStreak,
    int bestStreak,
    Optional<Instant> lastTradeAt) {

  public static final SideStats NONE = new SideStats(0, 0, 0, 0, 0, 0, Optional.empty());

  static SideStats of(WinStats stats) {
    return new SideStats(
        stats.getTrades(),
        stats.getWins(),
        stats.getLosses(),
        stats.getPnlSum(),
        stats.getCurrentStreak(),
        stats.getBestStreak(),
        Optional.of(stats.getLastEventTime()));
  }

  public double winRate() {
    return StatsTotals.ratio(wins, trades);
  }

  public double averagePnl() {
    return StatsTotals.ratio(pnl, trades);
  }
}
