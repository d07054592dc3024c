package io.hivemind.learning.score;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted win probabilities match what happened, as a running score: the one scoring
 * class for every model (the pattern model, the challenger, baselines) in the simulator, the
 * benches and replay. Each record is a prediction and whether the trade won, and, where a simulator
 * knows it, the true probability; the same predictions are then scored against realized outcomes
 * (Brier, log loss, expected calibration error) and against the hidden truth (the error an oracle
 * would not make). Scores against the truth are NaN unless every record had one. Memory is
 * constant: sums per bin, not the records. Thread-safe.
 */
public final class Calibration {

  public static final int BINS = 10;

  /**
   * Log loss is taken of a prediction clipped to [ε, 1 − ε], so that one confident miss (a
   * prediction of exactly 0 or 1) is a large penalty rather than an infinite one.
   */
  public static final double LOG_LOSS_EPSILON = 1e-6;

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

  /**
   * The running sums of predictions scored against outcomes only, to keep a score in a store and
   * carry it on later ({@link #from}): per bin the count, the predictions' and the wins' sums.
   */
  public record Totals(
      long[] counts, double[] predictedSums, double[] wonSums, double brierSum, double logLossSum) {

    public Totals {
      if (counts.length != BINS || predictedSums.length != BINS || wonSums.length != BINS) {
        throw new IllegalArgumentException("totals need " + BINS + " bins");
      }
      counts = counts.clone();
      predictedSums = predictedSums.clone();
      wonSums = wonSums.clone();
    }

    /** The totals of both: the score of their records together. */
    public Totals plus(Totals other) {
      long[] sumCounts = counts();
      double[] sumPredicted = predictedSums();
      double[] sumWon = wonSums();
      for (int i = 0; i < BINS; i++) {
        sumCounts[i] += other.counts[i];
        sumPredicted[i] += other.predictedSums[i];
        sumWon[i] += other.wonSums[i];
      }
      return new Totals(
          sumCounts,
          sumPredicted,
          sumWon,
          brierSum + other.brierSum,
          logLossSum + other.logLossSum);
    }

    @Override
    public long[] counts() {
      return counts.clone();
    }

    @Override
    public double[] predictedSums() {
      return predictedSums.clone();
    }

    @Override
    public double[] wonSums() {
      return wonSums.clone();
    }
  }

  private final long[] counts = new long[BINS];
  private final double[] predictedSums = new double[BINS];
  private final double[] wonSums = new double[BINS];
  private final double[] truthSums = new double[BINS];
  private long count;
  private double brierSum;
  private double oracleBrierSum;
  private double squaredErrorVsTruthSum;
  private double logLossSum;
  private long withTruth;

  /** A prediction of a trade whose true probability is known (the simulator's hidden truth). */
  public synchronized void record(double predicted, double trueProbability, boolean won) {
    if (!(trueProbability >= 0 && trueProbability <= 1)) {
      throw new IllegalArgumentException("probabilities must be in [0, 1]: " + trueProbability);
    }
    add(predicted, won);
    double outcome = won ? 1 : 0;
    truthSums[binOf(predicted)] += trueProbability;
    withTruth++;
    oracleBrierSum += square(trueProbability - outcome);
    squaredErrorVsTruthSum += square(predicted - trueProbability);
  }

  /** A prediction scored against its outcome only (replay, live shadow scoring). */
  public synchronized void record(double predicted, boolean won) {
    add(predicted, won);
  }

  private void add(double predicted, boolean won) {
    if (!(predicted >= 0 && predicted <= 1)) {
      throw new IllegalArgumentException("probabilities must be in [0, 1]: " + predicted);
    }
    double outcome = won ? 1 : 0;
    int bin = binOf(predicted);
    counts[bin]++;
    predictedSums[bin] += predicted;
    wonSums[bin] += outcome;
    count++;
    brierSum += square(predicted - outcome);
    double clipped = Math.max(LOG_LOSS_EPSILON, Math.min(1 - LOG_LOSS_EPSILON, predicted));
    logLossSum -= won ? Math.log(clipped) : Math.log(1 - clipped);
  }

  /**
   * A score carried on from {@code totals}. Scores against the truth stay NaN: totals hold outcomes
   * only.
   */
  public static Calibration from(Totals totals) {
    Calibration calibration = new Calibration();
    long[] binCounts = totals.counts();
    double[] predicted = totals.predictedSums();
    double[] won = totals.wonSums();
    for (int i = 0; i < BINS; i++) {
      calibration.counts[i] = binCounts[i];
      calibration.predictedSums[i] = predicted[i];
      calibration.wonSums[i] = won[i];
      calibration.count += binCounts[i];
    }
    calibration.brierSum = totals.brierSum();
    calibration.logLossSum = totals.logLossSum();
    return calibration;
  }

  /** The sums scored against outcomes, to carry this score on elsewhere ({@link #from}). */
  public synchronized Totals totals() {
    return new Totals(counts, predictedSums, wonSums, brierSum, logLossSum);
  }

  public synchronized long count() {
    return count;
  }

  /** Mean squared difference between prediction and outcome (0 or 1); NaN with no records. */
  public synchronized double brier() {
    return mean(brierSum);
  }

  /** Mean negative log-likelihood of the outcomes (natural log); NaN with no records. */
  public synchronized double logLoss() {
    return mean(logLossSum);
  }

  /** The Brier score the true probabilities themselves get: the floor a predictor can reach. */
  public synchronized double oracleBrier() {
    return truthMean(oracleBrierSum);
  }

  /** Mean squared difference between prediction and the true probability. */
  public synchronized double meanSquaredErrorVsTruth() {
    return truthMean(squaredErrorVsTruthSum);
  }

  /** Σ over bins of (bin share) × |mean predicted − realized win rate|. */
  public synchronized double expectedCalibrationError() {
    return weightedGap(wonSums);
  }

  /** As {@link #expectedCalibrationError()}, with the bin's mean true probability as reference. */
  public synchronized double expectedCalibrationErrorVsTruth() {
    return withTruth < count ? Double.NaN : weightedGap(truthSums);
  }

  public synchronized double meanPredicted() {
    return mean(sum(predictedSums));
  }

  public synchronized double realizedWinRate() {
    return mean(sum(wonSums));
  }

  public synchronized double meanTruth() {
    return truthMean(sum(truthSums));
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
              n == 0 || withTruth < count ? Double.NaN : truthSums[i] / n));
    }
    return bins;
  }

  /** Bin of a probability; 1.0 belongs to the last bin. */
  public static int binOf(double probability) {
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

  private double truthMean(double total) {
    return withTruth < count ? Double.NaN : mean(total);
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
