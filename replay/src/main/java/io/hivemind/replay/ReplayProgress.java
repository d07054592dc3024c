package io.hivemind.replay;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How far a replay is: records read of the total, the rate, and when it will be done. */
public record ReplayProgress(
    @JsonProperty("read") long read,
    @JsonProperty("total") long total,
    @JsonProperty("records_per_second") long recordsPerSecond,
    @JsonProperty("eta_seconds") long etaSeconds) {

  public static ReplayProgress of(long read, long total, long elapsedNanos) {
    double seconds = Math.max(1e-3, elapsedNanos / 1e9);
    long rate = Math.round(read / seconds);
    long eta = rate == 0 ? -1 : Math.round((total - read) / (double) rate);
    return new ReplayProgress(read, total, rate, eta);
  }

  @Override
  public String toString() {
    return String.format(
        "%,d of %,d records (%d %%), %,d records/s, ETA %s",
        read,
        total,
        total == 0 ? 100 : read * 100 / total,
        recordsPerSecond,
        etaSeconds < 0 ? "?" : etaSeconds + " s");
  }
}
