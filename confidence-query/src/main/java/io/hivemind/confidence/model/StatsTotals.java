package io.hivemind.confidence.model;

import java.util.Collection;

/** Both sides of a symbol together. */
public record StatsTotals(long trades, long wins, long losses, double pnl) {

  static StatsTotals of(Collection<SideStats> sides) {
    return new StatsTotals(
        sides.stream().mapToLong(SideStats::trades).sum(),
        sides.stream().mapToLong(SideStats::wins).sum(),
        sides.stream().mapToLong(SideStats::losses).sum(),
        sides.stream().mapToDouble(SideStats::pnl).sum());
  }

  public double winRate() {
    return ratio(wins, trades);
  }

  public double averagePnl() {
    return ratio(pnl, trades);
  }

  /**
   * Zero rather than NaN when nothing is known: a bot reads 0 trades, 0 % without special cases.
   */
  static double ratio(double amount, long trades) {
    return trades == 0 ? 0 : amount / trades;
  }
}
