package io.hivemind.analytics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.learning.regime.MarketRegime;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.learning.regime.RegimeEvidence;
import io.hivemind.learning.regime.RegimeReading;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/ml/market_regime}: a symbol's regime, since when and why; or, honestly, that the
 * fleet has not given enough evidence yet ({@code status} says which, {@code reason} in words).
 * Snake_case on the wire.
 *
 * @param status {@code classified}, {@code insufficient_evidence} (no minute with k distinct users
 *     yet) or {@code warming_up} (minutes with k users, but too few to know the symbol's norm)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MarketRegimeAnswer(
    String symbol,
    String status,
    String regime,
    Instant since,
    Instant asOf,
    String reason,
    Evidence evidence) {

  static final String CLASSIFIED = "classified";
  static final String INSUFFICIENT = "insufficient_evidence";
  static final String WARMING_UP = "warming_up";

  /**
   * @param probabilities each regime's filtered probability
   * @param minutesObserved fleet minutes (each from at least k users) the classifier has read
   * @param minutesWithheld settled minutes left out for having fewer than k users
   * @param usersLastMinute distinct users behind the last minute read
   * @param minUsers k
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Evidence(
      Map<String, Double> probabilities,
      Double volatilityRatio,
      Double trendStrength,
      Double reversion,
      Double volumeRatio,
      long minutesObserved,
      long minutesWithheld,
      int usersLastMinute,
      int minUsers) {}

  static MarketRegimeAnswer of(
      String symbol, FleetBars book, RegimeClassifier classifier, int minUsers) {
    FleetBars bars = book == null ? FleetBars.empty() : book;
    long observed = bars.regime().minutesObserved();
    if (observed == 0) {
      return new MarketRegimeAnswer(
          symbol,
          INSUFFICIENT,
          null,
          null,
          null,
          "no minute of "
              + symbol
              + " has been reported by "
              + minUsers
              + " or more distinct users yet",
          new Evidence(
              null, null, null, null, null, 0, bars.minutesWithheld(), bars.lastUsers(), minUsers));
    }
    RegimeReading reading = classifier.read(bars.regime());
    if (reading instanceof RegimeReading.Classified classified) {
      RegimeEvidence e = classified.evidence();
      Map<String, Double> probabilities = new LinkedHashMap<>();
      for (MarketRegime regime : MarketRegime.values()) {
        probabilities.put(regime.label(), round(e.probabilities().get(regime)));
      }
      return new MarketRegimeAnswer(
          symbol,
          CLASSIFIED,
          classified.regime().label(),
          classified.since(),
          classified.asOf(),
          null,
          new Evidence(
              probabilities,
              round(e.volatilityRatio()),
              round(e.trendStrength()),
              round(e.reversion()),
              round(e.volumeRatio()),
              observed,
              bars.minutesWithheld(),
              bars.lastUsers(),
              minUsers));
    }
    RegimeReading.WarmingUp warming = (RegimeReading.WarmingUp) reading;
    return new MarketRegimeAnswer(
        symbol,
        WARMING_UP,
        null,
        null,
        bars.regime().lastMinute(),
        "the classifier has read "
            + warming.minutesObserved()
            + " of the "
            + warming.minutesNeeded()
            + " fleet minutes it needs of this part of the day to know "
            + symbol
            + "'s norm",
        new Evidence(
            null,
            null,
            null,
            null,
            null,
            observed,
            bars.minutesWithheld(),
            bars.lastUsers(),
            minUsers));
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
