package io.hivemind.learning.regime;

import java.time.Instant;
import java.util.Arrays;

/**
 * Everything the classifier keeps about one symbol: a fixed number of numbers whatever the history
 * (constant memory), so it can live in a state store and be rebuilt from its own encoding.
 *
 * <p>Arrays are indexed by {@link io.hivemind.learning.pattern.TradingSession} ordinal (norms) or
 * by the filter's hidden states (trend up, trend down, choppy, volatile, quiet).
 */
public record RegimeState(
    Instant lastMinute,
    double lastLogClose,
    double anchor,
    double[] sessionVariance,
    double[] sessionLogVolume,
    long[] sessionMinutes,
    double[] posterior,
    MarketRegime regime,
    Instant since,
    double recentSquaredReturn,
    double recentReturn,
    double recentLogVolume,
    long minutesObserved) {

  static final int SESSIONS = 6;
  static final int HIDDEN = 5;

  public RegimeState {
    if (sessionVariance.length != SESSIONS
        || sessionLogVolume.length != SESSIONS
        || sessionMinutes.length != SESSIONS
        || posterior.length != HIDDEN) {
      throw new IllegalArgumentException("regime state arrays have the wrong size");
    }
    sessionVariance = sessionVariance.clone();
    sessionLogVolume = sessionLogVolume.clone();
    sessionMinutes = sessionMinutes.clone();
    posterior = posterior.clone();
  }

  /** A symbol never seen: every regime as likely as its share of time. */
  public static RegimeState empty() {
    double[] posterior = new double[HIDDEN];
    Arrays.fill(posterior, 1.0 / HIDDEN);
    return new RegimeState(
        null,
        0,
        0,
        new double[SESSIONS],
        new double[SESSIONS],
        new long[SESSIONS],
        posterior,
        null,
        null,
        1,
        0,
        0,
        0);
  }

  @Override
  public double[] sessionVariance() {
    return sessionVariance.clone();
  }

  @Override
  public double[] sessionLogVolume() {
    return sessionLogVolume.clone();
  }

  @Override
  public long[] sessionMinutes() {
    return sessionMinutes.clone();
  }

  @Override
  public double[] posterior() {
    return posterior.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegimeState that
        && java.util.Objects.equals(lastMinute, that.lastMinute)
        && Double.compare(lastLogClose, that.lastLogClose) == 0
        && Double.compare(anchor, that.anchor) == 0
        && Arrays.equals(sessionVariance, that.sessionVariance)
        && Arrays.equals(sessionLogVolume, that.sessionLogVolume)
        && Arrays.equals(sessionMinutes, that.sessionMinutes)
        && Arrays.equals(posterior, that.posterior)
        && regime == that.regime
        && java.util.Objects.equals(since, that.since)
        && Double.compare(recentSquaredReturn, that.recentSquaredReturn) == 0
        && Double.compare(recentReturn, that.recentReturn) == 0
        && Double.compare(recentLogVolume, that.recentLogVolume) == 0
        && minutesObserved == that.minutesObserved;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(lastMinute, regime, since, minutesObserved)
        + 31 * Arrays.hashCode(posterior);
  }

  @Override
  public String toString() {
    return "RegimeState[" + regime + " since " + since + ", " + minutesObserved + " minutes]";
  }
}
