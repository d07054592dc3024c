package io.hivemind.bench.quality;

import io.hivemind.learning.score.Calibration;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models scored side by side on the same probes at each checkpoint, printed as the table
 * BENCHMARKS.md records: Brier, Brier skill score {@code (constant − model) / (constant − oracle)},
 * log loss, expected calibration error, mean served and mean true. Each checkpoint's rows start
 * with the constant (the win rate learned so far) and end with the oracle (the true probability).
 */
final class ModelTable {

  static final String CONSTANT = "constant";
  static final String ORACLE = "oracle";

  record Row(String model, Calibration score) {}

  private final Map<Integer, List<Row>> checkpoints = new LinkedHashMap<>();

  void add(int experiences, List<Row> rows) {
    if (rows.size() < 2
        || !rows.get(0).model().equals(CONSTANT)
        || !rows.get(rows.size() - 1).model().equals(ORACLE)) {
      throw new IllegalArgumentException("rows must run from the constant to the oracle");
    }
    checkpoints.put(experiences, List.copyOf(rows));
  }

  List<Row> at(int experiences) {
    return checkpoints.get(experiences);
  }

  Calibration score(int experiences, String model) {
    return at(experiences).stream()
        .filter(row -> row.model().equals(model))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no model " + model))
        .score();
  }

  /** The share of the constant's gap to the oracle that {@code model} closes. */
  static double skill(Calibration model, Calibration constant, Calibration oracle) {
    return (constant.brier() - model.brier()) / (constant.brier() - oracle.brier());
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("| experiences | model | Brier | skill | log loss | ECE | mean served | mean true |");
    lines.add("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    checkpoints.forEach((experiences, rows) -> lines.addAll(lines(experiences, rows)));
    return lines;
  }

  /** The rows of the checkpoint added last. */
  List<String> lastLines() {
    int last = checkpoints.keySet().stream().reduce((a, b) -> b).orElseThrow();
    return lines(last, checkpoints.get(last));
  }

  private static List<String> lines(int experiences, List<Row> rows) {
    Calibration constant = rows.get(0).score();
    Calibration oracle = rows.get(rows.size() - 1).score();
    List<String> lines = new ArrayList<>();
    for (Row row : rows) {
      Calibration s = row.score();
      lines.add(
          String.format(
              "| %,d | %s | %.4f | %.2f | %.4f | %.3f | %.3f | %.3f |",
              experiences,
              row.model(),
              s.brier(),
              skill(s, constant, oracle),
              s.logLoss(),
              s.expectedCalibrationError(),
              s.meanPredicted(),
              s.meanTruth()));
    }
    return lines;
  }

  /** The reliability diagram of one model at the last checkpoint, as a text table. */
  void printReliability(PrintStream out, String model) {
    int last = checkpoints.keySet().stream().reduce((a, b) -> b).orElseThrow();
    out.printf("reliability of %s at %,d experiences:%n", model, last);
    out.printf("  %-9s %7s %8s %8s %8s%n", "bin", "n", "served", "won", "true");
    for (Calibration.Bin bin : score(last, model).reliability()) {
      if (bin.count() > 0) {
        out.printf(
            "  %.1f–%.1f %7d %8.3f %8.3f %8.3f  %s%n",
            bin.low(),
            bin.high(),
            bin.count(),
            bin.meanPredicted(),
            bin.realized(),
            bin.meanTruth(),
            "#".repeat((int) Math.round(bin.realized() * 40)));
      }
    }
  }
}
