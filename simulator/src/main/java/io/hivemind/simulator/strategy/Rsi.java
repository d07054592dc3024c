package io.hivemind.simulator.strategy;

/**
 * Wilder's relative strength index: the first averages are plain means of the first {@code period}
 * gains and losses, later ones are smoothed with weight 1/period. Ready after {@code period}
 * changes, that is {@code period + 1} closes.
 */
public final class Rsi {

  private final int period;
  private double previousClose = Double.NaN;
  private double averageGain;
  private double averageLoss;
  private int changes;

  public Rsi(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be at least 1");
    }
    this.period = period;
  }

  public void update(double close) {
    if (!Double.isNaN(previousClose)) {
      double change = close - previousClose;
      double gain = Math.max(change, 0);
      double loss = Math.max(-change, 0);
      changes++;
      if (changes <= period) {
        averageGain += gain / period;
        averageLoss += loss / period;
      } else {
        averageGain = (averageGain * (period - 1) + gain) / period;
        averageLoss = (averageLoss * (period - 1) + loss) / period;
      }
    }
    previousClose = close;
  }

  public boolean isReady() {
    return changes >= period;
  }

  /** The RSI in [0, 100]; 50 for a market that has not moved at all. NaN until ready. */
  public double value() {
    if (!isReady()) {
      return Double.NaN;
    }
    if (averageLoss == 0) {
      return averageGain == 0 ? 50 : 100;
    }
    return 100 - 100 / (1 + averageGain / averageLoss);
  }
}
