package io.hivemind.simulator.demo;

import io.hivemind.learning.score.Calibration;
import io.hivemind.simulator.score.FleetScores;
import io.hivemind.simulator.score.FleetTally;
import io.hivemind.simulator.score.TruthSpread;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** The end-of-run report: what the fleet did, how good the service's answers were. */
final class RunSummary {

  private RunSummary() {}

  static void print(
      PrintWriter out,
      String title,
      int bots,
      long seed,
      Instant from,
      Instant to,
      Duration real,
      FleetScores scores,
      int openPositions) {
    FleetTally.Snapshot tally = scores.tally().snapshot();
    double days = Duration.between(from, to).toMinutes() / (24.0 * 60);
    out.println();
    out.printf(
        "%s  %d bots, seed %d, simulated %s → %s (%.1f days) in %.1f s%n",
        title, bots, seed, from, to, days, real.toMillis() / 1000.0);
    out.printf(
        "  opportunities      %s  (%s per bot per simulated day)%n",
        Formats.count(tally.opportunities()),
        Formats.decimal(tally.opportunities() / (double) bots / days, 1));
    out.printf(
        "  trades taken       %s  (%s per bot per simulated day; %s explored)%n",
        Formats.count(tally.taken()),
        Formats.decimal(tally.taken() / (double) bots / days, 1),
        Formats.count(tally.explored()));
    out.printf(
        "  skipped            %s  (below threshold %s, trading not active %s, no answer %s)%n",
        Formats.count(tally.skipped()),
        Formats.count(tally.skippedBelowThreshold()),
        Formats.count(tally.skippedNotActive()),
        Formats.count(tally.skippedNoAnswer()));
    out.printf(
        "  closed trades      %s  win rate %s  P&L %s  (still open: %d)%n",
        Formats.count(tally.closed()),
        Formats.percent(tally.winRate()),
        Formats.dollars(tally.pnl()),
        openPositions);
    TruthSpread truths = scores.truths();
    out.printf(
        "  true win prob.     mean %s  p5 %s  p25 %s  p50 %s  p75 %s  p95 %s  (min %s, max %s)%n",
        Formats.decimal(truths.mean(), 3),
        Formats.decimal(truths.percentile(0.05), 3),
        Formats.decimal(truths.percentile(0.25), 3),
        Formats.decimal(truths.percentile(0.50), 3),
        Formats.decimal(truths.percentile(0.75), 3),
        Formats.decimal(truths.percentile(0.95), 3),
        Formats.decimal(truths.min(), 3),
        Formats.decimal(truths.max(), 3));
    out.printf(
        "  requests           signals %s  outcomes %s  heartbeats %s  retries %s  rejected %s"
            + "  failed %s%n",
        Formats.count(tally.signalsSent()),
        Formats.count(tally.outcomesSent()),
        Formats.count(tally.heartbeatsSent()),
        Formats.count(tally.retries()),
        Formats.count(tally.rejects()),
        Formats.count(tally.errors()));
    Calibration served = scores.served();
    if (served.count() > 0) {
      printCalibration(out, served);
    }
  }

  private static void printCalibration(PrintWriter out, Calibration served) {
    out.printf(
        "  served confidence  %s answers  Brier %s (oracle %s)  ECE %s vs outcomes, %s vs truth"
            + "  MSE vs truth %s%n",
        Formats.count(served.count()),
        Formats.decimal(served.brier(), 4),
        Formats.decimal(served.oracleBrier(), 4),
        Formats.decimal(served.expectedCalibrationError(), 4),
        Formats.decimal(served.expectedCalibrationErrorVsTruth(), 4),
        Formats.decimal(served.meanSquaredErrorVsTruth(), 4));
    out.printf(
        "                     mean served %s  realized %s  mean truth %s%n",
        Formats.decimal(served.meanPredicted(), 3),
        Formats.decimal(served.realizedWinRate(), 3),
        Formats.decimal(served.meanTruth(), 3));
    out.println("  reliability        served bin    answers  mean served  realized  mean truth");
    for (Calibration.Bin bin : served.reliability()) {
      if (bin.count() > 0) {
        out.printf(
            "                     [%.1f, %.1f)  %9s  %11s  %8s  %10s%n",
            bin.low(),
            bin.high(),
            Formats.count(bin.count()),
            Formats.decimal(bin.meanPredicted(), 3),
            Formats.decimal(bin.realized(), 3),
            Formats.decimal(bin.meanTruth(), 3));
      }
    }
  }
}
