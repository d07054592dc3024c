package io.hivemind.analytics.domain;

import static io.hivemind.analytics.domain.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketTest {

  @Test
  void shouldPutATradeInItsExitsUtcHourAndDayAndItsEntrysExchangeHour() {
    // entered 14:27:59Z = 09:27:59 in New York (EST), exited 14:32:59Z
    Trade t = trade("u1", "s1", 10, Instant.parse("2026-11-20T14:32:59Z"));
    assertThat(Bucket.of(t))
        .extracting(Bucket::key)
        .containsExactly(
            "hour/2026-11-20T14:00:00Z",
            "day/2026-11-20",
            "cell/ES/9",
            "symday/2026-11-20/ES",
            "all");
  }

  @Test
  void shouldPutATradeInEachOfItsStrategiesOnItsUtcDayAndOverAllTimeButNotInLevelZero() {
    Trade t =
        new Trade(
            "u1",
            "s1",
            "NQ",
            Instant.parse("2026-11-20T23:55:00Z"),
            Instant.parse("2026-11-21T00:05:00Z"),
            -5,
            false,
            false,
            List.of("v1", "v1/post", "v1/post/rsi6/vz-5"));
    assertThat(Bucket.of(t))
        .extracting(Bucket::key)
        .containsExactly(
            "hour/2026-11-21T00:00:00Z",
            "day/2026-11-21",
            "cell/NQ/18",
            "symday/2026-11-21/NQ",
            "patday/2026-11-21/v1/post",
            "pattern/v1/post",
            "patday/2026-11-21/v1/post/rsi6/vz-5",
            "pattern/v1/post/rsi6/vz-5",
            "all");
  }

  @Test
  void shouldGiveATradeWithOnlyTheVersionPatternNoStrategy() {
    Trade t =
        new Trade(
            "u1",
            "s1",
            "ES",
            Instant.parse("2026-11-20T14:27:59Z"),
            Instant.parse("2026-11-20T14:32:59Z"),
            10,
            true,
            false,
            List.of("v1"));
    assertThat(t.strategies()).isEmpty();
    assertThat(Bucket.of(t)).hasSize(5);
  }

  @Test
  void shouldCloseAUtcDayAtMidnight() {
    assertThat(Bucket.Day.of(Instant.parse("2026-11-20T23:59:59.999Z")).date())
        .isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(Bucket.Day.of(Instant.parse("2026-11-21T00:00:00Z")).key())
        .isEqualTo("day/2026-11-21");
    assertThat(Bucket.Hour.of(Instant.parse("2026-11-20T15:00:00Z")).key())
        .isEqualTo("hour/2026-11-20T15:00:00Z");
  }

  @Test
  void shouldKeepTheOpenInTheSameCellThroughDaylightSaving() {
    // 09:45 in New York: 13:45Z in summer (EDT), 14:45Z in winter (EST)
    assertThat(Bucket.Cell.of("ES", Instant.parse("2026-07-01T13:45:00Z")))
        .isEqualTo(Bucket.Cell.of("ES", Instant.parse("2026-12-01T14:45:00Z")))
        .isEqualTo(new Bucket.Cell("ES", 9));
  }
}
