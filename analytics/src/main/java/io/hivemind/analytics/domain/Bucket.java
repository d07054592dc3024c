package io.hivemind.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The buckets a trade is counted in, each with a stable string key (the state stores' and the
 * repartition topic's key):
 *
 * <ul>
 *   <li>{@code hour/2026-11-20T16:00:00Z}: the UTC hour of the trade's exit (event time: when the
 *       P&L was realised, whenever it arrived);
 *   <li>{@code day/2026-11-20}: the UTC day of the exit;
 *   <li>{@code cell/ES/11}: the heatmap cell, symbol × hour of day of the <em>entry</em> in the
 *       exchange zone (America/New_York, as {@code PatternScheme} places sessions): the question
 *       the heatmap answers is "when does entering this instrument work", and the exchange's hour
 *       keeps a cell on the same market phase (the 09:30 open) through daylight-saving changes,
 *       which a UTC hour would shift by one twice a year;
 *   <li>{@code all}: all time (trades learned, distinct users).
 * </ul>
 */
public sealed interface Bucket {

  ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

  String key();

  /** Every bucket {@code trade} is counted in. */
  static List<Bucket> of(Trade trade) {
    return List.of(
        Hour.of(trade.exitTime()),
        Day.of(trade.exitTime()),
        Cell.of(trade.symbol(), trade.entryTime()),
        AllTime.INSTANCE);
  }

  /** A UTC hour, from {@code start} (inclusive) for one hour. */
  record Hour(Instant start) implements Bucket {
    public static Hour of(Instant time) {
      return new Hour(time.truncatedTo(ChronoUnit.HOURS));
    }

    @Override
    public String key() {
      return "hour/" + start;
    }
  }

  /** A UTC day. */
  record Day(LocalDate date) implements Bucket {
    public static Day of(Instant time) {
      return new Day(LocalDate.ofInstant(time, ZoneOffset.UTC));
    }

    @Override
    public String key() {
      return "day/" + date;
    }
  }

  /** A heatmap cell: a symbol and an hour of day (0–23) in the exchange zone. */
  record Cell(String symbol, int hourOfDay) implements Bucket {
    public static Cell of(String symbol, Instant entryTime) {
      return new Cell(symbol, entryTime.atZone(EXCHANGE_ZONE).getHour());
    }

    @Override
    public String key() {
      return "cell/" + symbol + "/" + hourOfDay;
    }
  }

  /** All time. */
  enum AllTime implements Bucket {
    INSTANCE;

    @Override
    public String key() {
      return "all";
    }
  }
}
