package io.hivemind.simulator.strategy;

import io.hivemind.simulator.market.Bar;

/**
 * Wilder's average true range: the mean of the first {@code period} true ranges, then smoothed with
 * weight 1/period. The first bar's true range is its high − low (no previous close yet).
 */
public final class Atr {

  private final int period;
  private double previousClose = Double.NaN;
  private double value;
  private int bars;

  public Atr(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be at least 1");
    }
    this.period = period;
  }

  public void update(Bar bar) {
    double range = bar.high() - bar.low();
    if (!Double.isNaN(previousClose)) {
      range =
          Math.max(
              range,
              Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
    }
    bars++;
    value = bars <= period ? value + range / period : (value * (period - 1) + range) / period;
    previousClose = bar.close();
  }

  public boolean isReady() {
    return bars >= period;
  }

  /** NaN until ready. */
  public double value() {
    return isReady() ? value : Double.NaN;
  }
}
