package io.hivemind.botapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the ISO-8601 instants of contract v1 exactly as {@link Instant#parse} does, quickly for the
 * shape bots send ({@code 2026-11-20T14:32:45.123Z}). The JDK builds a new formatter inside every
 * {@code Instant.parse}: measured at a third of the gateway's CPU on batched ingest, where every
 * event time is read twice (validation, then the Avro mapping). Anything but the plain shape (lower
 * case, offsets, 24:00, leap seconds, signs, errors) is left to {@code Instant.parse}, so what is
 * accepted, what it means and what is refused do not change.
 */
public final class EventTimes {

  private EventTimes() {}

  /**
   * @throws DateTimeParseException as {@link Instant#parse} would
   */
  public static Instant parse(CharSequence text) {
    Instant fast = text == null ? null : plainUtc(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with fields in range, or null for anything else. */
  private static Instant plainUtc(CharSequence s) {
    int length = s.length();
    if (length < 20 || length > 30 || s.charAt(length - 1) != 'Z') {
      return null;
    }
    if (s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      int fraction = digits(s, 20, fractionDigits);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The {@code count} ASCII digits at {@code from} as a number, or -1. */
  private static int digits(CharSequence s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
