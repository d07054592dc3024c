package io.hivemind.simulator.score;

/**
 * Everything a run measures, shared by all bots: the totals, the calibration of the service's
 * answers, the spread of the hidden truths met, and the buckets seen.
 */
public record FleetScores(
    FleetTally tally, Calibration served, TruthSpread truths, PatternObservations patterns) {

  public static FleetScores create() {
    return new FleetScores(
        new FleetTally(), new Calibration(), new TruthSpread(), new PatternObservations());
  }
}
