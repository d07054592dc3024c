package io.hivemind.botapi;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks the fields of one request object and collects what is wrong, naming each field under a
 * prefix ({@code ""} for a top-level request, {@code "signals[3]."} for a batch item).
 */
final class FieldChecks {

  private final String prefix;
  private final List<Violation> sink;

  FieldChecks(String prefix, List<Violation> sink) {
    this.prefix = prefix;
    this.sink = sink;
  }

  void violation(String field, String message) {
    sink.add(new Violation(prefix + field, message));
  }

  /**
   * A required string: present, not blank, not longer than {@code maxLength}, matching.
   *
   * @return whether it is all that
   */
  boolean text(String field, String value, int maxLength, TextShape shape) {
    return text(field, value, maxLength, shape, shape.regex());
  }

  /** As {@link #text(String, String, int, TextShape)}, naming the shape as {@code shown}. */
  boolean text(String field, String value, int maxLength, TextShape shape, String shown) {
    if (value == null || value.isBlank()) {
      violation(field, "is required");
      return false;
    }
    return optionalText(field, value, maxLength, shape, shown);
  }

  /**
   * An optional string: when present, checked like a required one.
   *
   * @return whether it is absent or valid
   */
  boolean optionalText(String field, String value, int maxLength, TextShape shape) {
    return optionalText(field, value, maxLength, shape, shape.regex());
  }

  private boolean optionalText(
      String field, String value, int maxLength, TextShape shape, String shown) {
    if (value == null) {
      return true;
    }
    if (value.length() > maxLength) {
      violation(field, "must be at most " + maxLength + " characters");
      return false;
    }
    if (!shape.matches(value)) {
      violation(field, "must match " + shown);
      return false;
    }
    return true;
  }

  /** A price: present, a finite number, above zero. */
  void price(String field, Double value) {
    if (value == null) {
      violation(field, "is required");
    } else if (!Double.isFinite(value)) {
      violation(field, "must be a finite number");
    } else if (value <= 0) {
      violation(field, "must be greater than 0");
    }
  }

  void finite(String field, Double value) {
    if (value == null) {
      violation(field, "is required");
    } else if (!Double.isFinite(value)) {
      violation(field, "must be a finite number");
    }
  }

  void range(String field, Integer value, int min, int max) {
    if (value == null) {
      violation(field, "is required");
    } else {
      optionalRange(field, value, min, max);
    }
  }

  void optionalRange(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      violation(field, "must be between " + min + " and " + max);
    }
  }

  /**
   * An event time: an ISO-8601 instant no further in the future than the allowed skew and no older
   * than the allowed age. Returns the parsed instant when it is usable, else {@code null}.
   */
  Instant eventTime(String field, String value, Clock clock, ValidationLimits limits) {
    if (value == null || value.isBlank()) {
      violation(field, "is required");
      return null;
    }
    Instant time;
    try {
      time = EventTimes.parse(value);
    } catch (DateTimeParseException e) {
      violation(field, "must be an ISO-8601 instant such as 2026-11-20T14:32:45.123Z");
      return null;
    }
    Instant now = clock.instant();
    if (time.isAfter(now.plus(limits.maxClockSkew()))) {
      violation(field, "must not be more than " + limits.maxClockSkew() + " in the future");
      return null;
    }
    if (time.isBefore(now.minus(limits.maxAge()))) {
      violation(field, "must not be older than " + limits.maxAge());
      return null;
    }
    return time;
  }
}
