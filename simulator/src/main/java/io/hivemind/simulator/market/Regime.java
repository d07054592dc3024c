package io.hivemind.simulator.market;

import java.util.random.RandomGenerator;

/**
 * The state a market is in. Drift is in units of the bar's volatility (a trending market moves that
 * share of one standard deviation per minute in its direction); reversion is the share of the
 * distance to the slow anchor price closed each minute, which is what makes a choppy market come
 * back to its VWAP. Regimes last {@code meanMinutes} on average, then switch (a Markov chain).
 */
public enum Regime {
  TRENDING(0.12, 0.0, 1.0, 1.1, 150),
  CHOPPY(0.0, 0.04, 1.0, 0.9, 240),
  VOLATILE(0.0, 0.01, 1.9, 1.6, 60),
  QUIET(0.0, 0.02, 0.55, 0.7, 300);

  private final double drift;
  private final double reversion;
  private final double volatility;
  private final double volume;
  private final int meanMinutes;

  Regime(double drift, double reversion, double volatility, double volume, int meanMinutes) {
    this.drift = drift;
    this.reversion = reversion;
    this.volatility = volatility;
    this.volume = volume;
    this.meanMinutes = meanMinutes;
  }

  /** Per-minute drift in units of the bar's volatility (signed by the trend's direction). */
  public double drift() {
    return drift;
  }

  /** Share of the log-distance to the anchor price closed per minute. */
  public double reversion() {
    return reversion;
  }

  /** Multiplier on the instrument's typical one-minute volatility. */
  public double volatility() {
    return volatility;
  }

  /** Multiplier on the instrument's typical one-minute volume. */
  public double volume() {
    return volume;
  }

  public int meanMinutes() {
    return meanMinutes;
  }

  /** The regime for the next minute: stays with probability 1 − 1/meanMinutes, else switches. */
  public Regime next(RandomGenerator random) {
    if (random.nextDouble() >= 1.0 / meanMinutes) {
      return this;
    }
    Regime[] others = new Regime[values().length - 1];
    int i = 0;
    for (Regime regime : values()) {
      if (regime != this) {
        others[i++] = regime;
      }
    }
    return others[random.nextInt(others.length)];
  }
}
