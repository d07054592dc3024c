package io.hivemind.bench.report;

import org.HdrHistogram.Histogram;

/** Prints a latency distribution (recorded in microseconds) as one line of milliseconds. */
public final class LatencyReport {

  private LatencyReport() {}

  /** A histogram for latencies from 1 µs to 1 min, 3 significant digits. */
  public static Histogram histogram() {
    return new Histogram(60_000_000L, 3);
  }

  public static String line(String what, Histogram micros) {
    return String.format(
        "  %-46s n %8d  p50 %8.2f ms  p99 %8.2f ms  p99.9 %8.2f ms  max %8.2f ms",
        what,
        micros.getTotalCount(),
        ms(micros, 50),
        ms(micros, 99),
        ms(micros, 99.9),
        micros.getMaxValue() / 1000.0);
  }

  private static double ms(Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / 1000.0;
  }
}
