package io.hivemind.learning.stats;

import java.time.Duration;

/**
 * Win statistics of one key, updated one trade at a time. Decayed counts are exponentially
 * time-weighted in event time and referenced to {@code lastEventTimeMillis}: a trade {@code h}
 * half-lives older than the newest one weighs {@code 2^-h}. Because the weight depends on the event
 * times only, the decayed counts do not depend on the order trades arrive in (up to floating-point
 * rounding); streaks follow the order in which trades are learned.
 */
public record TradeStats(
    long trades,
    long wins,
    double pnlSum,
    double pnlSumSquares,
    int currentStreak,
    int bestStreak,
    long lastEventTimeMillis,
    double decayedWins,
    double decayedTrades) {

  public static final TradeStats EMPTY = new TradeStats(0, 0, 0, 0, 0, 0, Long.MIN_VALUE, 0, 0);

  public long losses() {
    return trades - wins;
  }

  public double winRate() {
    return trades == 0 ? 0 : (double) wins / trades;
  }

  public double averagePnl() {
    return trades == 0 ? 0 : pnlSum / trades;
  }

  public TradeStats plus(TradeResult trade, Duration halfLife) {
    boolean win = trade.win();
    long time = trade.time().toEpochMilli();
    int streak = win ? Math.max(currentStreak, 0) + 1 : Math.min(currentStreak, 0) - 1;
    double weight = 1;
    double carried = 1;
    long newest = time;
    if (trades == 0) {
      carried = 0;
    } else if (time >= lastEventTimeMillis) {
      carried = decay(time - lastEventTimeMillis, halfLife);
    } else {
      weight = decay(lastEventTimeMillis - time, halfLife);
      newest = lastEventTimeMillis;
    }
    return new TradeStats(
        trades + 1,
        wins + (win ? 1 : 0),
        pnlSum + trade.pnl(),
        pnlSumSquares + trade.pnl() * trade.pnl(),
        streak,
        Math.max(bestStreak, streak),
        newest,
        decayedWins * carried + (win ? weight : 0),
        decayedTrades * carried + weight);
  }

  private static double decay(long elapsedMillis, Duration halfLife) {
    return Math.pow(2, -(double) elapsedMillis / halfLife.toMillis());
  }
}
