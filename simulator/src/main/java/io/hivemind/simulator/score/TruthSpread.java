package io.hivemind.simulator.score;

/**
 * The distribution of the hidden true win probabilities the fleet met: how far apart the situations
 * the service must tell apart really are. Percentiles come from a 0.01-wide histogram. Thread-safe.
 */
public final class TruthSpread {

  private static final int BUCKETS = 100;

  private final long[] histogram = new long[BUCKETS];
  private long count;
  private double sum;
  private double min = Double.NaN;
  private double max = Double.NaN;

  public synchronized void record(double probability) {
    histogram[Math.min(BUCKETS - 1, (int) Math.floor(probability * BUCKETS))]++;
    count++;
    sum += probability;
    min = count == 1 ? probability : Math.min(min, probability);
    max = count == 1 ? probability : Math.max(max, probability);
  }

  public synchronized long count() {
    return count;
  }

  public synchronized double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  public synchronized double min() {
    return min;
  }

  public synchronized double max() {
    return max;
  }

  /** The q-quantile (0 ≤ q ≤ 1), to the bucket's midpoint; NaN with no records. */
  public synchronized double percentile(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * count));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += histogram[i];
      if (seen >= rank) {
        return (i + 0.5) / BUCKETS;
      }
    }
    return max;
  }
}
