package io.hivemind.botapi;

import java.time.Duration;

/**
 * The bounds a request is checked against.
 *
 * @param maxClockSkew how far in the future an event time may be (bot clocks drift)
 * @param maxAge how old an event time may be (older events would distort decayed statistics and are
 *     most likely a bot clock set wrong)
 * @param maxBatch how many items one {@code /api/events} request may carry
 */
public record ValidationLimits(Duration maxClockSkew, Duration maxAge, int maxBatch) {

  public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
  public static final int DEFAULT_MAX_BATCH = 1000;

  public ValidationLimits {
    if (maxClockSkew.isNegative() || maxAge.isNegative() || maxBatch < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static ValidationLimits defaults() {
    return new ValidationLimits(DEFAULT_MAX_CLOCK_SKEW, DEFAULT_MAX_AGE, DEFAULT_MAX_BATCH);
  }
}
