package io.hivemind.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 *   <li>{@code symday/2026-11-20/ES}: a symbol on the UTC day of the exit (trending symbols);
 *   <li>{@code patday/2026-11-20/v1/mid}: a strategy (a pattern above level 0, {@link
 *       Trade#strategies()}) on the UTC day of the exit (hot strategies); the pattern comes last
 *       because it has slashes of its own;
 *   <li>{@code pattern/v1/mid}: a strategy over all time (the distinct strategies with evidence);
 *   <li>{@code all}: all time (trades learned, distinct users).
 * </ul>
 */
public sealed interface Bucket {

  ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

  String key();

  /** Every bucket {@code trade} is counted in. */
  static List<Bucket> of(Trade trade) {
    Day day = Day.of(trade.exitTime());
    List<Bucket> buckets = new ArrayList<>();
    buckets.add(Hour.of(trade.exitTime()));
    buckets.add(day);
    buckets.add(Cell.of(trade.symbol(), trade.entryTime()));
    buckets.add(new SymbolDay(trade.symbol(), day.date()));
    // a pattern repeated at two levels (never, with PatternScheme) still counts the trade once
    for (String pattern : new LinkedHashSet<>(trade.strategies())) {
      buckets.add(new PatternDay(pattern, day.date()));
      buckets.add(new Pattern(pattern));
    }
    buckets.add(AllTime.INSTANCE);
    return List.copyOf(buckets);
  }

  /** A symbol on a UTC day (of the exit). */
  record SymbolDay(String symbol, LocalDate date) implements Bucket {
    public static final String PREFIX = "symday/";

    /** The key prefix of every symbol of {@code date}. */
    public static String prefix(LocalDate date) {
      return PREFIX + date + "/";
    }

    @Override
    public String key() {
      return prefix(date) + symbol;
    }
  }

  /** A strategy (a pattern key above level 0) on a UTC day (of the exit). */
  record PatternDay(String pattern, LocalDate date) implements Bucket {
    public static final String PREFIX = "patday/";

    /** The key prefix of every strategy of {@code date}. */
    public static String prefix(LocalDate date) {
      return PREFIX + date + "/";
    }

    @Override
    public String key() {
      return prefix(date) + pattern;
    }
  }

  /** A strategy (a pattern key above level 0) over all time. */
  record Pattern(String pattern) implements Bucket {
    public static final String PREFIX = "pattern/";

    @Override
    public String key() {
      return PREFIX + pattern;
    }
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

    public static final String PREFIX = "cell/";

    @Override
    public String key() {
      return PREFIX + symbol + "/" + hourOfDay;
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
