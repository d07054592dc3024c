package io.hivemind.control.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * When trading is allowed, in the exchange's own wall-clock time: a session opens at {@code open}
 * on each of {@code weekdays} that is not a holiday and ends at {@code close} the same day, or the
 * next day when {@code close} is not after {@code open} (overnight futures sessions). Wall-clock
 * comparison makes daylight-saving changes come out right: 09:30 New York is 14:30 UTC in winter
 * and 13:30 UTC in summer.
 */
public record TradingHours(
    ZoneId zone,
    LocalTime open,
    LocalTime close,
    Set<DayOfWeek> weekdays,
    Set<LocalDate> holidays) {

  public TradingHours {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(close, "close");
    weekdays = Set.copyOf(weekdays);
    holidays = Set.copyOf(holidays);
    if (weekdays.isEmpty()) {
      throw new IllegalArgumentException("weekdays: name at least one day a session opens");
    }
  }

  public boolean isOpenAt(Instant instant) {
    LocalDateTime now = instant.atZone(zone).toLocalDateTime();
    LocalDate today = now.toLocalDate();
    return sessionCovers(today, now) || sessionCovers(today.minusDays(1), now);
  }

  /** Whether the session that opens on {@code day} (if one does) covers {@code now}. */
  private boolean sessionCovers(LocalDate day, LocalDateTime now) {
    if (!weekdays.contains(day.getDayOfWeek()) || holidays.contains(day)) {
      return false;
    }
    LocalDateTime start = day.atTime(open);
    LocalDateTime end = (close.isAfter(open) ? day : day.plusDays(1)).atTime(close);
    return !now.isBefore(start) && now.isBefore(end);
  }
}
