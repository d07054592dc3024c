package io.hivemind.notifier.event;

import io.hivemind.schema.Experience;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The daily and weekly summaries (UTC days, weeks from Monday, by when each trade was reported):
 * each user's trades, wins and P&L beside the fleet's ("Your P&L: +$250.00 … Hive Mind: +$12,500.00
 * (50 users)"), told once the period has ended and {@code grace} has passed, to each user who
 * traded in it and to the fleet. The fleet's figure is withheld from users when fewer than {@code
 * minUsers} traded (k-anonymity, as everywhere). Fed every experience on one partition (the fleet's
 * figure needs them all); a trade learned after its period was told is not in it.
 */
final class Summaries implements Processor<String, Experience, String, Notification> {

  static final String STORE = "period-tallies";
  private static final String FLEET = "*";

  /** A day or a week. */
  enum Period {
    DAY(EventKind.DAILY_SUMMARY, "day", Duration.ofDays(1)),
    WEEK(EventKind.WEEKLY_SUMMARY, "week", Duration.ofDays(7));

    final EventKind kind;
    final String word;
    final Duration length;

    Period(EventKind kind, String word, Duration length) {
      this.kind = kind;
      this.word = word;
      this.length = length;
    }

    LocalDate start(Instant at) {
      LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
      return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    Instant end(LocalDate start) {
      return start.atStartOfDay(ZoneOffset.UTC).toInstant().plus(length);
    }
  }

  private final Duration grace;
  private final Duration checkEvery;
  private final int minUsers;
  private ProcessorContext<String, Notification> context;
  private KeyValueStore<String, Tally> tallies;

  Summaries(Duration grace, Duration checkEvery, int minUsers) {
    this.grace = grace;
    this.checkEvery = checkEvery;
    this.minUsers = minUsers;
  }

  @Override
  public void init(ProcessorContext<String, Notification> context) {
    this.context = context;
    this.tallies = context.getStateStore(STORE);
    context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::tell);
  }

  @Override
  public void process(Record<String, Experience> record) {
    Experience trade = record.value();
    if (trade == null) {
      return;
    }
    // the day the trade reached the cloud (the record's time), not its exit time: a bot that
    // flushes a week of buffered trades, or a simulated fleet, does not reopen past days
    Instant reported = Instant.ofEpochMilli(record.timestamp());
    for (Period period : Period.values()) {
      LocalDate start = period.start(reported);
      add(key(period, start, trade.getUserId()), trade);
      add(key(period, start, FLEET), trade);
    }
  }

  private void add(String key, Experience trade) {
    Tally before = tallies.get(key);
    tallies.put(key, (before == null ? Tally.EMPTY : before).plus(trade.getWin(), trade.getPnl()));
  }

  private static String key(Period period, LocalDate start, String who) {
    return period.name() + "|" + start + "|" + who;
  }

  /** Tells every period that ended at least {@code grace} ago, then forgets it. */
  private void tell(long nowMillis) {
    Instant now = Instant.ofEpochMilli(nowMillis);
    // period|start -> who -> tally, for the periods over
    Map<String, Map<String, Tally>> over = new TreeMap<>();
    try (KeyValueIterator<String, Tally> all = tallies.all()) {
      while (all.hasNext()) {
        KeyValue<String, Tally> entry = all.next();
        String[] parts = entry.key.split("\\|", 3);
        Period period = Period.valueOf(parts[0]);
        if (!period.end(LocalDate.parse(parts[1])).plus(grace).isAfter(now)) {
          over.computeIfAbsent(parts[0] + "|" + parts[1], k -> new TreeMap<>())
              .put(parts[2], entry.value);
        }
      }
    }
    for (Map.Entry<String, Map<String, Tally>> ended : over.entrySet()) {
      String[] parts = ended.getKey().split("\\|");
      Period period = Period.valueOf(parts[0]);
      LocalDate start = LocalDate.parse(parts[1]);
      Map<String, Tally> byWho = ended.getValue();
      Tally fleet = byWho.getOrDefault(FLEET, Tally.EMPTY);
      int users = byWho.size() - (byWho.containsKey(FLEET) ? 1 : 0);
      List<Notification> told = new ArrayList<>();
      for (Map.Entry<String, Tally> user : byWho.entrySet()) {
        if (!user.getKey().equals(FLEET)) {
          told.add(userSummary(period, start, user.getKey(), user.getValue(), fleet, users, now));
        }
      }
      told.add(fleetSummary(period, start, fleet, users, now));
      for (Notification notification : told) {
        context.forward(new Record<>(notification.audience().key(), notification, nowMillis));
      }
      for (String who : byWho.keySet()) {
        tallies.delete(key(period, start, who));
      }
    }
  }

  private Notification userSummary(
      Period period, LocalDate start, String user, Tally mine, Tally fleet, int users, Instant at) {
    Map<String, Object> data = figures(period, start, mine);
    String hive;
    if (users >= minUsers) {
      hive =
          "Hive Mind: "
              + Events.money(fleet.pnl())
              + " over "
              + fleet.trades()
              + " trades ("
              + users
              + " users)";
      data.put("fleet_pnl", fleet.pnl());
      data.put("fleet_trades", fleet.trades());
      data.put("fleet_users", users);
    } else {
      hive = "Hive Mind: withheld (fewer than " + minUsers + " traders this " + period.word + ")";
    }
    return new Notification(
        period.kind.wireName() + ":" + user + ":" + start,
        period.kind,
        Audience.user(user),
        at,
        "Your "
            + period.word
            + " ("
            + start
            + "): "
            + Events.money(mine.pnl())
            + " over "
            + trades(mine),
        hive,
        data);
  }

  private Notification fleetSummary(
      Period period, LocalDate start, Tally fleet, int users, Instant at) {
    Map<String, Object> data = figures(period, start, fleet);
    data.put("users", users);
    return new Notification(
        period.kind.wireName() + ":fleet:" + start,
        period.kind,
        Audience.FLEET,
        at,
        "Hive Mind "
            + period.word
            + " ("
            + start
            + "): "
            + Events.money(fleet.pnl())
            + " over "
            + trades(fleet),
        users + " users traded",
        data);
  }

  private static Map<String, Object> figures(Period period, LocalDate start, Tally tally) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("period", period.word);
    data.put("start", start.toString());
    data.put("trades", tally.trades());
    data.put("wins", tally.wins());
    data.put("pnl", tally.pnl());
    return data;
  }

  private static String trades(Tally tally) {
    return tally.trades()
        + (tally.trades() == 1 ? " trade, " : " trades, ")
        + tally.wins()
        + (tally.wins() == 1 ? " win" : " wins")
        + String.format(
            Locale.ROOT,
            " (%.0f %%)",
            tally.trades() == 0 ? 0.0 : 100.0 * tally.wins() / tally.trades());
  }

  @Override
  public void close() {}
}
