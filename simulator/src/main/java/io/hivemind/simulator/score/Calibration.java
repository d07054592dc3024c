package io.hivemind.simulator.score;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted win probabilities match what happened, as a running score: each record is a
 * (predicted, true probability, won) triple, so the same predictions are scored against realized
 * outcomes (Brier, expected calibration error) and against the hidden truth (the error an oracle
 * would not make). Memory is constant: sums per bin, not the records. Thread-safe.
 */
public final class Calibration {

  public static final int BINS = 10;

  /**
   * One of the ten equal-width bins of predicted probability: the reliability table's row.
   *
   * @param realized the share of records in the bin that won
   */
  public record Bin(
      double low,
      double high,
      long count,
      double meanPredicted,
      double realized,
      double meanTruth) {}

  private final long[] counts = new long[BINS];
  private final double[] predictedSums = new double[BINS];
  private final double[] wonSums = new double[BINS];
  private final double[] truthSums = new double[BINS];
  private long count;
  private double brierSum;
  private double oracleBrierSum;
  private double squaredErrorVsTruthSum;

  public synchronized void record(double predicted, double trueProbability, boolean won) {
    if (!(predicted >= 0 && predicted <= 1) || !(trueProbability >= 0 && trueProbability <= 1)) {
      throw new IllegalArgumentException(
          "probabilities must be in [0, 1]: " + predicted + ", " + trueProbability);
    }
    double outcome = won ? 1 : 0;
    int bin = binOf(predicted);
    counts[bin]++;
    predictedSums[bin] += predicted;
    wonSums[bin] += outcome;
    truthSums[bin] += trueProbability;
    count++;
    brierSum += square(predicted - outcome);
    oracleBrierSum += square(trueProbability - outcome);
    squaredErrorVsTruthSum += square(predicted - trueProbability);
  }

  public synchronized long count() {
    return count;
  }

  /** Mean squared difference between prediction and outcome (0 or 1); NaN with no records. */
  public synchronized double brier() {
    return mean(brierSum);
  }

  /** The Brier score the true probabilities themselves get: the floor a predictor can reach. */
  public synchronized double oracleBrier() {
    return mean(oracleBrierSum);
  }

  /** Mean squared difference between prediction and the true probability. */
  public synchronized double meanSquaredErrorVsTruth() {
    return mean(squaredErrorVsTruthSum);
  }

  /** Σ over bins of (bin share) × |mean predicted − realized win rate|. */
  public synchronized double expectedCalibrationError() {
    return weightedGap(wonSums);
  }

  /** As {@link #expectedCalibrationError()}, with the bin's mean true probability as reference. */
  public synchronized double expectedCalibrationErrorVsTruth() {
    return weightedGap(truthSums);
  }

  public synchronized double meanPredicted() {
    return mean(sum(predictedSums));
  }

  public synchronized double realizedWinRate() {
    return mean(sum(wonSums));
  }

  public synchronized double meanTruth() {
    return mean(sum(truthSums));
  }

  public synchronized List<Bin> reliability() {
    List<Bin> bins = new ArrayList<>(BINS);
    for (int i = 0; i < BINS; i++) {
      long n = counts[i];
      bins.add(
          new Bin(
              (double) i / BINS,
              (double) (i + 1) / BINS,
              n,
              n == 0 ? Double.NaN : predictedSums[i] / n,
              n == 0 ? Double.NaN : wonSums[i] / n,
              n == 0 ? Double.NaN : truthSums[i] / n));
    }
    return bins;
  }

  /** Bin of a probability; 1.0 belongs to the last bin. */
  static int binOf(double probability) {
    return Math.min(BINS - 1, (int) Math.floor(probability * BINS));
  }

  private double weightedGap(double[] referenceSums) {
    if (count == 0) {
      return Double.NaN;
    }
    double gap = 0;
    for (int i = 0; i < BINS; i++) {
      if (counts[i] > 0) {
        gap += Math.abs(predictedSums[i] - referenceSums[i]) / count;
      }
    }
    return gap;
  }

  private double mean(double total) {
    return count == 0 ? Double.NaN : total / count;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value;
    }
    return total;
  }

  private static double square(double value) {
    return value * value;
  }
}
