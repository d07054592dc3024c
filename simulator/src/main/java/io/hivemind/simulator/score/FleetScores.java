package io.hivemind.simulator.score;

import io.hivemind.learning.score.Calibration;

/**
 * Everything a run measures, shared by all bots: the totals, the calibration of the service's
 * answers, the spread of the hidden truths met, the buckets traded and the trades reported.
 */
public record FleetScores(
    FleetTally tally,
    Calibration served,
    TruthSpread truths,
    PatternObservations patterns,
    ReportedTrades reported) {

  public static FleetScores create() {
    return new FleetScores(
        new FleetTally(),
        new Calibration(),
        new TruthSpread(),
        new PatternObservations(),
        new ReportedTrades());
  }
}
