package io.hivemind.control.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradingHoursTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  /** Sessions open Sunday to Thursday evening, each ending the next afternoon. */
  private static final Set<DayOfWeek> SUN_THU =
      EnumSet.of(
          DayOfWeek.SUNDAY,
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY);

  private static TradingHours nyse(LocalDate... holidays) {
    return new TradingHours(
        NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0), MON_FRI, Set.of(holidays));
  }

  private static TradingHours globex(LocalDate... holidays) {
    return new TradingHours(
        CHICAGO, LocalTime.of(18, 0), LocalTime.of(17, 0), SUN_THU, Set.of(holidays));
  }

  private static TradingHours london() {
    return new TradingHours(LONDON, LocalTime.of(8, 0), LocalTime.of(16, 30), MON_FRI, Set.of());
  }

  private static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  @Test
  void shouldBeOpenFromTheOpeningMinuteInclusive() {
    assertThat(nyse().isOpenAt(at("2026-03-18T09:30:00", NEW_YORK))).isTrue();
  }

  @Test
  void shouldBeClosedJustBeforeTheOpen() {
    assertThat(nyse().isOpenAt(at("2026-03-18T09:29:59.999", NEW_YORK))).isFalse();
  }

  @Test
  void shouldBeOpenJustBeforeTheClose() {
    assertThat(nyse().isOpenAt(at("2026-03-18T15:59:59.999", NEW_YORK))).isTrue();
  }

  @Test
  void shouldBeClosedFromTheClosingMinute() {
    assertThat(nyse().isOpenAt(at("2026-03-18T16:00:00", NEW_YORK))).isFalse();
  }

  @Test
  void shouldBeClosedAtTheWeekend() {
    assertThat(nyse().isOpenAt(at("2026-03-21T12:00:00", NEW_YORK))).as("Saturday").isFalse();
    assertThat(nyse().isOpenAt(at("2026-03-22T12:00:00", NEW_YORK))).as("Sunday").isFalse();
  }

  @Test
  void shouldBeClosedOnAHoliday() {
    TradingHours hours = nyse(LocalDate.parse("2026-04-03"));

    assertThat(hours.isOpenAt(at("2026-04-03T12:00:00", NEW_YORK))).isFalse();
    assertThat(hours.isOpenAt(at("2026-04-06T12:00:00", NEW_YORK))).as("next Monday").isTrue();
  }

  @Test
  void shouldOpenAt1330UtcOnceDaylightSavingTimeHasStarted() {
    // US DST started on Sunday 2026-03-08: 09:30 EDT is 13:30 UTC
    assertThat(nyse().isOpenAt(Instant.parse("2026-03-09T13:30:00Z"))).isTrue();
    assertThat(nyse().isOpenAt(Instant.parse("2026-03-09T13:29:59Z"))).isFalse();
  }

  @Test
  void shouldOpenAt1430UtcBeforeDaylightSavingTimeStarts() {
    // Friday 2026-03-06 is still EST: 13:30 UTC is 08:30 in New York
    assertThat(nyse().isOpenAt(Instant.parse("2026-03-06T13:30:00Z"))).isFalse();
    assertThat(nyse().isOpenAt(Instant.parse("2026-03-06T14:30:00Z"))).isTrue();
  }

  @Test
  void shouldCloseAt2000UtcDuringDaylightSavingTime() {
    assertThat(nyse().isOpenAt(Instant.parse("2026-03-09T19:59:59Z"))).isTrue();
    assertThat(nyse().isOpenAt(Instant.parse("2026-03-09T20:00:00Z"))).isFalse();
  }

  @Test
  void shouldOpenAt1330UtcBeforeDaylightSavingTimeEnds() {
    // Friday 2026-10-30 is still EDT; DST ends on Sunday 2026-11-01
    assertThat(nyse().isOpenAt(Instant.parse("2026-10-30T13:30:00Z"))).isTrue();
  }

  @Test
  void shouldOpenAt1430UtcOnceDaylightSavingTimeHasEnded() {
    // Monday 2026-11-02 is EST: 13:30 UTC is 08:30 in New York
    assertThat(nyse().isOpenAt(Instant.parse("2026-11-02T13:30:00Z"))).isFalse();
    assertThat(nyse().isOpenAt(Instant.parse("2026-11-02T14:30:00Z"))).isTrue();
    assertThat(nyse().isOpenAt(Instant.parse("2026-11-02T20:59:59Z"))).isTrue();
    assertThat(nyse().isOpenAt(Instant.parse("2026-11-02T21:00:00Z"))).isFalse();
  }

  @Test
  void shouldBeOpenOvernightBecauseThePreviousEveningsSessionCoversIt() {
    // Monday 03:00: the session that opened on Sunday at 18:00 runs until Monday 17:00
    assertThat(globex().isOpenAt(at("2026-03-16T03:00:00", CHICAGO))).isTrue();
  }

  @Test
  void shouldOpenTheOvernightSessionOnItsOpeningDay() {
    assertThat(globex().isOpenAt(at("2026-03-15T17:59:59", CHICAGO))).as("Sunday").isFalse();
    assertThat(globex().isOpenAt(at("2026-03-15T18:00:00", CHICAGO))).as("Sunday").isTrue();
  }

  @Test
  void shouldBeClosedInTheDailyBreakBetweenOvernightSessions() {
    assertThat(globex().isOpenAt(at("2026-03-17T16:59:59", CHICAGO))).isTrue();
    assertThat(globex().isOpenAt(at("2026-03-17T17:30:00", CHICAGO))).isFalse();
    assertThat(globex().isOpenAt(at("2026-03-17T18:00:00", CHICAGO))).isTrue();
  }

  @Test
  void shouldBeClosedFridayEveningAfterThursdaysSessionEnds() {
    assertThat(globex().isOpenAt(at("2026-03-20T16:59:59", CHICAGO))).isTrue();
    assertThat(globex().isOpenAt(at("2026-03-20T17:30:00", CHICAGO))).isFalse();
    assertThat(globex().isOpenAt(at("2026-03-20T19:00:00", CHICAGO))).isFalse();
    assertThat(globex().isOpenAt(at("2026-03-21T12:00:00", CHICAGO))).as("Saturday").isFalse();
  }

  @Test
  void shouldDropTheOvernightSessionThatOpensOnAHoliday() {
    TradingHours hours = globex(LocalDate.parse("2026-03-15"));

    assertThat(hours.isOpenAt(at("2026-03-15T20:00:00", CHICAGO))).isFalse();
    assertThat(hours.isOpenAt(at("2026-03-16T03:00:00", CHICAGO))).isFalse();
    assertThat(hours.isOpenAt(at("2026-03-16T18:00:00", CHICAGO)))
        .as("Monday's own session")
        .isTrue();
  }

  @Test
  void shouldKeepTheOvernightSessionAcrossTheDaylightSavingChange() {
    // Chicago switched to CDT at 02:00 on Sunday 2026-03-08, inside no session; the session that
    // opens that evening at 18:00 CDT (23:00 UTC) runs to Monday 17:00 CDT (22:00 UTC)
    assertThat(globex().isOpenAt(Instant.parse("2026-03-08T22:59:59Z"))).isFalse();
    assertThat(globex().isOpenAt(Instant.parse("2026-03-08T23:00:00Z"))).isTrue();
    assertThat(globex().isOpenAt(Instant.parse("2026-03-09T21:59:59Z"))).isTrue();
    assertThat(globex().isOpenAt(Instant.parse("2026-03-09T22:00:00Z"))).isFalse();
  }

  @Test
  void shouldOpenLondonAt0800UtcInWinter() {
    // Friday 2026-03-27 is GMT
    assertThat(london().isOpenAt(Instant.parse("2026-03-27T07:59:59Z"))).isFalse();
    assertThat(london().isOpenAt(Instant.parse("2026-03-27T08:00:00Z"))).isTrue();
    assertThat(london().isOpenAt(Instant.parse("2026-03-27T16:29:59Z"))).isTrue();
  }

  @Test
  void shouldOpenLondonAt0700UtcInSummer() {
    // British Summer Time started on Sunday 2026-03-29
    assertThat(london().isOpenAt(Instant.parse("2026-03-30T06:59:59Z"))).isFalse();
    assertThat(london().isOpenAt(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
    assertThat(london().isOpenAt(Instant.parse("2026-03-30T15:29:59Z"))).isTrue();
    assertThat(london().isOpenAt(Instant.parse("2026-03-30T15:30:00Z"))).isFalse();
  }

  @Test
  void shouldRejectHoursWithNoOpeningDay() {
    assertThatThrownBy(
            () ->
                new TradingHours(
                    NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0), Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weekdays");
  }
}
