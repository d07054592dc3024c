package io.hivemind.bench.load;

import io.hivemind.bench.report.LatencyReport;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Collects one run's answers; used from the run's event loop only. */
final class Recorder {

  private final Histogram latency = LatencyReport.histogram();
  private final Histogram startLag = LatencyReport.histogram();
  private final Map<String, Long> statuses = new TreeMap<>();
  private long completed;
  private long lastAnswerNanos = Long.MIN_VALUE;

  void answer(long fromNanos, long nowNanos, int status, Throwable failure) {
    completed++;
    latency.recordValue(micros(nowNanos - fromNanos));
    statuses.merge(failure == null ? Integer.toString(status) : LoadResult.FAILED, 1L, Long::sum);
    lastAnswerNanos = Math.max(lastAnswerNanos, nowNanos);
  }

  /** A request still open when the run stopped waiting: as slow as it had been so far. */
  void unfinished(long fromNanos, long nowNanos) {
    latency.recordValue(micros(nowNanos - fromNanos));
    statuses.merge(LoadResult.UNFINISHED, 1L, Long::sum);
  }

  void startLag(long dueNanos, long sentNanos) {
    startLag.recordValue(micros(sentNanos - dueNanos));
  }

  long completed() {
    return completed;
  }

  long lastAnswerNanos() {
    return lastAnswerNanos;
  }

  LoadResult result(double seconds, double offeredRate, boolean withStartLag) {
    return new LoadResult(
        completed,
        Collections.unmodifiableMap(new TreeMap<>(statuses)),
        seconds,
        offeredRate,
        latency,
        withStartLag ? startLag : null);
  }

  private long micros(long nanos) {
    return Math.min(Math.max(0, nanos / 1000), latency.getHighestTrackableValue());
  }
}
