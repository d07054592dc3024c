package io.hivemind.schema.streams;

import java.time.Duration;
import java.time.Instant;

/**
 * How long to wait before replacing a stream thread that died: {@code min} after a first failure,
 * doubling with each failure that follows the previous one within {@code max} × 4 of it, never more
 * than {@code max}. A thread that then ran longer than that starts again from {@code min}.
 */
public final class RestartBackoff {

  private final Duration min;
  private final Duration max;
  private Instant lastFailure;
  private Duration last;

  public RestartBackoff(Duration min, Duration max) {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("need 0 <= min <= max, got " + min + " and " + max);
    }
    this.min = min;
    this.max = max;
  }

  /** The wait before the replacement of a thread that died at {@code now}. */
  public synchronized Duration next(Instant now) {
    boolean sameOutage =
        lastFailure != null
            && Duration.between(lastFailure, now).compareTo(max.multipliedBy(4)) <= 0;
    last = !sameOutage || last == null ? min : doubled(last);
    lastFailure = now;
    return last;
  }

  private Duration doubled(Duration wait) {
    Duration twice = wait.isZero() ? Duration.ofMillis(1) : wait.multipliedBy(2);
    return twice.compareTo(max) > 0 ? max : twice;
  }
}
