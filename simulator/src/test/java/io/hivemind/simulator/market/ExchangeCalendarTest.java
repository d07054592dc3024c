package io.hivemind.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ExchangeCalendarTest {

  private static Instant newYork(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ExchangeCalendar.EXCHANGE_ZONE).toInstant();
  }

  @Test
  void shouldTradeFromSundayEveningToFridayAfternoonWithADailyPause() {
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-15T17:59"))).isFalse(); // Sunday
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-15T18:00"))).isTrue();
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-17T16:59"))).isTrue(); // Tuesday
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-17T17:00"))).isFalse();
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-17T17:59"))).isFalse();
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-17T18:00"))).isTrue();
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-20T16:59"))).isTrue(); // Friday
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-20T18:00"))).isFalse();
    assertThat(ExchangeCalendar.isOpen(newYork("2026-11-21T12:00"))).isFalse(); // Saturday
  }

  @Test
  void shouldJumpFromFridayCloseToSundayOpen() {
    assertThat(ExchangeCalendar.nextOpenMinute(newYork("2026-11-20T17:00")))
        .isEqualTo(newYork("2026-11-22T18:00"));
    assertThat(ExchangeCalendar.nextOpenMinute(newYork("2026-11-18T17:30")))
        .isEqualTo(newYork("2026-11-18T18:00"));
    assertThat(ExchangeCalendar.nextOpenMinute(newYork("2026-11-18T10:15:30")))
        .isEqualTo(newYork("2026-11-18T10:16"));
  }

  @Test
  void shouldAnchorSessionsAtSixInTheEveningExchangeTime() {
    assertThat(ExchangeCalendar.sessionStart(newYork("2026-11-18T10:15")))
        .isEqualTo(newYork("2026-11-17T18:00"));
    assertThat(ExchangeCalendar.sessionStart(newYork("2026-11-18T18:00")))
        .isEqualTo(newYork("2026-11-18T18:00"));
    assertThat(ExchangeCalendar.sessionStart(newYork("2026-11-18T17:59")))
        .isEqualTo(newYork("2026-11-17T18:00"));
  }
}
