package io.hivemind.bench.load;

import io.hivemind.bench.report.LatencyReport;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What one measured load run saw; warm-up excluded.
 *
 * @param completed answers of any status, plus failures (connection refused, timed out)
 * @param statuses answers per HTTP status; failures under {@value #FAILED}, requests still open
 *     when the run gave up waiting under {@value #UNFINISHED}
 * @param seconds the measured span: the duration, or longer when answers came in after it (an open
 *     loop the target could not keep up with)
 * @param offeredRate requests per second an open loop intended, NaN for a closed loop
 * @param latencyMicros per request; in an open loop from the time it was due, not sent
 * @param startLagMicros open loop: how late each request was sent after it was due (waiting for a
 *     free connection, or for the generator itself); null for a closed loop
 */
public record LoadResult(
    long completed,
    Map<String, Long> statuses,
    double seconds,
    double offeredRate,
    Histogram latencyMicros,
    Histogram startLagMicros) {

  public static final String FAILED = "failed";
  public static final String UNFINISHED = "unfinished";

  /** Answers with a 2xx status. */
  public long ok() {
    return statuses.entrySet().stream()
        .filter(e -> e.getKey().length() == 3 && e.getKey().charAt(0) == '2')
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Everything that was not a 2xx answer. */
  public long errors() {
    return statuses.values().stream().mapToLong(Long::longValue).sum() - ok();
  }

  /** Answers (of any status) per second. */
  public double achievedRate() {
    return completed / seconds;
  }

  /** 2xx answers per second. */
  public double okRate() {
    return ok() / seconds;
  }

  public double millisAt(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** e.g. {@code 202=600000 503=3}. */
  public String statusLine() {
    return statuses.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  /** Two lines: rates and statuses, then the latency distribution. */
  public String describe(String what) {
    String rates =
        Double.isNaN(offeredRate)
            ? String.format(Locale.ROOT, "achieved %,.0f/s", achievedRate())
            : String.format(
                Locale.ROOT,
                "offered %,.0f/s achieved %,.0f/s  start lag p99 %.2f ms max %.2f ms",
                offeredRate,
                achievedRate(),
                startLagMicros.getValueAtPercentile(99) / 1000.0,
                startLagMicros.getMaxValue() / 1000.0);
    return String.format(
        Locale.ROOT,
        "%s%n  %-46s %s  over %.1f s  errors %d  [%s]",
        LatencyReport.line(what, latencyMicros),
        "",
        rates,
        seconds,
        errors(),
        statusLine());
  }
}
