package io.hivemind.learning.regime;

import java.util.Map;

/**
 * Why the classifier answers what it does.
 *
 * @param probabilities each regime's filtered probability after the last bar (they sum to 1)
 * @param volatilityRatio the last ~20 minutes' volatility against the symbol's norm for that part
 *     of the day (1 = usual, 2 = twice as wild)
 * @param trendStrength the last ~30 minutes' mean return over its standard error (a t-statistic:
 *     beyond ±2 a drift is unlikely to be chance; signed, positive is up)
 * @param reversion how far the last close stands from the slow mean, in norm volatilities
 * @param volumeRatio the last ~20 minutes' volume against its norm for that part of the day
 * @param minutesObserved bars this symbol's state has read
 */
public record RegimeEvidence(
    Map<MarketRegime, Double> probabilities,
    double volatilityRatio,
    double trendStrength,
    double reversion,
    double volumeRatio,
    long minutesObserved) {

  public RegimeEvidence {
    probabilities = Map.copyOf(probabilities);
  }
}
