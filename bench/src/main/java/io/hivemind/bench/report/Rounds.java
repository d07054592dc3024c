package io.hivemind.bench.report;

import java.util.Arrays;

/**
 * The micro-benchmarks without a stack (interval, scoring, event-parts) run their variants
 * interleaved, round after round, and print each figure as the median of the rounds.
 */
public final class Rounds {

  private Rounds() {}

  /** The median of {@code values} (the upper one of an even count). */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
