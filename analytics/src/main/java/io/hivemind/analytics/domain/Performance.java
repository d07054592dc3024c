package io.hivemind.analytics.domain;

import java.time.Instant;

/**
 * A user's running performance over the trades in the order they were learned (the learner's order,
 * which the experiences topic keeps per user): the same trades in the same order give the same
 * figures, live or replayed.
 *
 * @param currentStreak positive: consecutive wins, negative: consecutive losses (as in {@code
 *     WinStats})
 * @param bestStreak the longest run of consecutive wins
 * @param lastExitTime the exit time of the latest trade, null before the first
 */
public record Performance(
    long trades, long wins, double pnl, int currentStreak, int bestStreak, Instant lastExitTime) {

  public static final Performance EMPTY = new Performance(0, 0, 0.0, 0, 0, null);

  public Performance plus(Trade trade) {
    int streak =
        trade.win()
            ? (currentStreak > 0 ? currentStreak + 1 : 1)
            : (currentStreak < 0 ? currentStreak - 1 : -1);
    return new Performance(
        trades + 1,
        wins + (trade.win() ? 1 : 0),
        pnl + trade.pnl(),
        streak,
        Math.max(bestStreak, streak),
        trade.exitTime());
  }

  public long losses() {
    return trades - wins;
  }

  /** Wins over trades; 0 before the first trade. */
  public double winRate() {
    return trades == 0 ? 0.0 : (double) wins / trades;
  }

  /** The current run of wins, 0 after a loss. */
  public int winStreak() {
    return Math.max(currentStreak, 0);
  }
}
