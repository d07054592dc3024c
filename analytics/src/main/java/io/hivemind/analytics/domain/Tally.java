package io.hivemind.analytics.domain;

/**
 * Trades, wins and P&L of one bucket (an hour, a day, a heatmap cell, all time). A fleet tally also
 * counts the distinct users in it ({@code contributors}), decided where each user's trades are: the
 * user's first trade in the bucket is marked on its way (ADR 13's approach), so the count is exact
 * and k stays a read-time setting. A user's own tally has 0 contributors.
 */
public record Tally(long trades, long wins, double pnl, int contributors) {

  public static final Tally EMPTY = new Tally(0, 0, 0.0, 0);

  public Tally plus(double tradePnl, boolean win, boolean firstFromUser) {
    return new Tally(
        trades + 1, wins + (win ? 1 : 0), pnl + tradePnl, contributors + (firstFromUser ? 1 : 0));
  }

  /** Wins over trades; 0 for an empty bucket. */
  public double winRate() {
    return trades == 0 ? 0.0 : (double) wins / trades;
  }
}
