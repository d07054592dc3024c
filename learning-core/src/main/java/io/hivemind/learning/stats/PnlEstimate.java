package io.hivemind.learning.stats;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * What a trade like the ones counted is expected to make: the mean P&amp;L of {@code trades} trades
 * with an equal-tailed confidence interval for that mean at {@code level} (Student's t on the
 * sample's standard deviation: the trades are taken as independent draws of one P&amp;L
 * distribution). It is an interval for the expectation, not for one trade's result, which spreads
 * far wider.
 */
public record PnlEstimate(double mean, double low, double high, double level, long trades) {

  /**
   * From the sums a statistic keeps; empty below two trades (no spread to measure). A spread below
   * zero from floating-point cancellation counts as none.
   */
  public static Optional<PnlEstimate> of(
      long trades, double pnlSum, double pnlSumSquares, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
    if (trades < 2) {
      return Optional.empty();
    }
    double mean = pnlSum / trades;
    double variance = Math.max(0, (pnlSumSquares - trades * mean * mean) / (trades - 1));
    double t = new TDistribution(null, trades - 1).inverseCumulativeProbability((1 + level) / 2);
    double halfWidth = t * Math.sqrt(variance / trades);
    return Optional.of(new PnlEstimate(mean, mean - halfWidth, mean + halfWidth, level, trades));
  }

  public static Optional<PnlEstimate> of(TradeStats stats, double level) {
    return of(stats.trades(), stats.pnlSum(), stats.pnlSumSquares(), level);
  }
}
