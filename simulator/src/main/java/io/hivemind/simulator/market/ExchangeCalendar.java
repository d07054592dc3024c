package io.hivemind.simulator.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * CME Globex hours for the equity, energy and metal futures, in exchange time (America/New_York): a
 * session opens at 18:00 and runs to 17:00 the next day, Sunday evening to Friday afternoon, with
 * the daily pause from 17:00 to 18:00. Holidays are not modelled.
 */
public final class ExchangeCalendar {

  public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
  private static final LocalTime SESSION_OPEN = LocalTime.of(18, 0);
  private static final LocalTime SESSION_CLOSE = LocalTime.of(17, 0);

  private ExchangeCalendar() {}

  /** Whether the minute starting at {@code time} trades. */
  public static boolean isOpen(Instant time) {
    ZonedDateTime local = time.atZone(EXCHANGE_ZONE);
    LocalTime clock = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (!clock.isBefore(SESSION_CLOSE) && clock.isBefore(SESSION_OPEN)) {
      return false;
    }
    return switch (day) {
      case SATURDAY -> false;
      case SUNDAY -> !clock.isBefore(SESSION_OPEN);
      case FRIDAY -> clock.isBefore(SESSION_CLOSE);
      default -> true;
    };
  }

  /** The first trading minute at or after {@code time} (truncated to the minute). */
  public static Instant nextOpenMinute(Instant time) {
    Instant minute = Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), 60) * 60);
    if (time.getNano() != 0 || time.getEpochSecond() % 60 != 0) {
      minute = minute.plusSeconds(60);
    }
    if (isOpen(minute)) {
      return minute;
    }
    // closed: jump to the next 18:00 opening rather than walking the pause minute by minute
    ZonedDateTime local = minute.atZone(EXCHANGE_ZONE);
    LocalDate day = local.toLocalDate();
    if (!local.toLocalTime().isBefore(SESSION_OPEN)) {
      day = day.plusDays(1);
    }
    while (true) {
      Instant open = day.atTime(SESSION_OPEN).atZone(EXCHANGE_ZONE).toInstant();
      if (isOpen(open)) {
        return open;
      }
      day = day.plusDays(1);
    }
  }

  /** The 18:00 exchange-time opening of the session {@code time} belongs to. */
  public static Instant sessionStart(Instant time) {
    ZonedDateTime local = time.atZone(EXCHANGE_ZONE);
    LocalDate day = local.toLocalDate();
    if (local.toLocalTime().isBefore(SESSION_OPEN)) {
      day = day.minusDays(1);
    }
    return day.atTime(SESSION_OPEN).atZone(EXCHANGE_ZONE).toInstant();
  }
}
