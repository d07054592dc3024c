package io.hivemind.bench.quality;

import io.hivemind.learning.score.Calibration;
import io.hivemind.simulator.world.Opportunity;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The probes scored at one checkpoint: the served confidence and, as baselines, the constant rate
 * (what was learned so far, one number for every question) and the oracle (the true probability).
 */
record QualityScores(Calibration served, Calibration constant) {

  static QualityScores of(List<Opportunity> probes, List<Double> served, double constantRate) {
    Calibration servedScore = new Calibration();
    Calibration constantScore = new Calibration();
    for (int i = 0; i < probes.size(); i++) {
      Opportunity probe = probes.get(i);
      servedScore.record(served.get(i), probe.trueWinProbability(), probe.wins());
      constantScore.record(constantRate, probe.trueWinProbability(), probe.wins());
    }
    return new QualityScores(servedScore, constantScore);
  }

  /** One row per checkpoint, printed as it comes and as a table at the end. */
  static final class Table {

    private static final String HEADER =
        String.format(
            "  %-12s %-8s %-8s %-9s %-10s %-8s %-9s %-10s %-10s",
            "experiences",
            "Brier",
            "ECE",
            "RMSE/true",
            "Brier",
            "Brier",
            "RMSE/true",
            "mean served",
            "mean true");
    private final List<String> rows = new ArrayList<>();
    private final List<QualityScores> scores = new ArrayList<>();

    void add(int experiences, QualityScores score) {
      Calibration served = score.served();
      Calibration constant = score.constant();
      scores.add(score);
      rows.add(
          String.format(
              "  %-12d %-8.4f %-8.4f %-9.4f %-10.4f %-8.4f %-9.4f %-10.3f %-10.3f",
              experiences,
              served.brier(),
              served.expectedCalibrationError(),
              Math.sqrt(served.meanSquaredErrorVsTruth()),
              served.oracleBrier(),
              constant.brier(),
              Math.sqrt(constant.meanSquaredErrorVsTruth()),
              served.meanPredicted(),
              served.meanTruth()));
    }

    String lastLine() {
      return rows.get(rows.size() - 1);
    }

    void print(PrintStream out) {
      out.println(
          "  learning quality on held-out probes: served confidence | oracle | constant rate");
      out.printf(
          "  %-12s %-28s %-10s %-19s %s%n", "", "served", "oracle", "constant rate", "means");
      out.println(HEADER);
      rows.forEach(out::println);
      QualityScores last = scores.get(scores.size() - 1);
      out.println();
      out.println("  reliability of the served confidence at the last checkpoint:");
      out.printf("  %-11s %7s %10s %10s %10s%n", "bin", "n", "served", "won", "true");
      for (Calibration.Bin bin : last.served().reliability()) {
        if (bin.count() > 0) {
          out.printf(
              "  %.1f–%.1f %9d %10.3f %10.3f %10.3f%n",
              bin.low(),
              bin.high(),
              bin.count(),
              bin.meanPredicted(),
              bin.realized(),
              bin.meanTruth());
        }
      }
    }
  }
}
