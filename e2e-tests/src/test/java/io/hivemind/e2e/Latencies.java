package io.hivemind.e2e;

import java.util.Arrays;

/** What the probes print: a latency distribution in milliseconds, one line per measure. */
final class Latencies {

  private Latencies() {}

  static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "  %-40s p50 %7.1f ms   p90 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n",
        what,
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("failed: " + what);
    }
  }
}
