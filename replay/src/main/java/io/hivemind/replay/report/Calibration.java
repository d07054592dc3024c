package io.hivemind.replay.report;

import io.hivemind.replay.report.ReplayReport.CalibrationBin;
import java.util.ArrayList;
import java.util.List;

/** Served confidence against outcomes: ten bins of width 0.1, and the Brier score. */
public final class Calibration {

  private static final int BINS = 10;

  private final long[] trades = new long[BINS];
  private final double[] probabilities = new double[BINS];
  private final long[] wins = new long[BINS];
  private double squaredErrors;
  private long total;

  public void add(double probability, boolean win) {
    int bin = Math.min(BINS - 1, (int) Math.floor(probability * BINS));
    trades[bin]++;
    probabilities[bin] += probability;
    wins[bin] += win ? 1 : 0;
    double error = probability - (win ? 1 : 0);
    squaredErrors += error * error;
    total++;
  }

  public double brier() {
    return Numbers.round(total == 0 ? 0 : squaredErrors / total);
  }

  public List<CalibrationBin> bins() {
    List<CalibrationBin> bins = new ArrayList<>(BINS);
    for (int bin = 0; bin < BINS; bin++) {
      long n = trades[bin];
      bins.add(
          new CalibrationBin(
              Numbers.round((double) bin / BINS),
              Numbers.round((double) (bin + 1) / BINS),
              n,
              Numbers.round(n == 0 ? 0 : probabilities[bin] / n),
              Numbers.round(n == 0 ? 0 : (double) wins[bin] / n)));
    }
    return bins;
  }
}
