package io.hivemind.botapi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The pause before a retry, for every client of an HTTP service here (the simulator's bots, the
 * notifier's deliveries): exponential from {@code base} to {@code max}, half of it fixed and half
 * jittered so that callers that failed together do not retry together, and never shorter than the
 * server's {@code Retry-After} as far as {@code maxRetryAfter} honours it.
 */
public record Backoff(Duration base, Duration max, Duration maxRetryAfter) {

  public Backoff {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("a backoff needs 0 < base ≤ max");
    }
  }

  /**
   * The pause before retry number {@code retry} (1 for the first).
   *
   * @param jitter in [0, 1): where in the upper half of the exponential step the pause falls
   */
  public Duration delayBefore(int retry, Optional<Duration> retryAfter, double jitter) {
    long step = base.toMillis() << Math.min(Math.max(retry, 1) - 1, 20);
    long exponential = Math.min(max.toMillis(), step);
    long backoff = exponential / 2 + Math.round(jitter * exponential / 2);
    long server =
        retryAfter.map(after -> Math.min(after.toMillis(), maxRetryAfter.toMillis())).orElse(0L);
    return Duration.ofMillis(Math.max(backoff, server));
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 §10.2.3), from {@code now}. */
  public static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String trimmed = value.trim();
    if (trimmed.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration until = Duration.between(now, at);
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
