package io.hivemind.analytics.api;

import io.hivemind.analytics.domain.ActiveBots;
import io.hivemind.analytics.domain.AnalyticsSettings;
import io.hivemind.analytics.domain.Award;
import io.hivemind.analytics.domain.BadgeRules;
import io.hivemind.analytics.domain.Bucket;
import io.hivemind.analytics.domain.CommunityFigure;
import io.hivemind.analytics.domain.FleetGrowth;
import io.hivemind.analytics.domain.HandleMinter;
import io.hivemind.analytics.domain.HotStrategies;
import io.hivemind.analytics.domain.KAnonymity;
import io.hivemind.analytics.domain.Leaderboard;
import io.hivemind.analytics.domain.Performance;
import io.hivemind.analytics.domain.Tally;
import io.hivemind.analytics.domain.TopPerformers;
import io.hivemind.analytics.domain.TrendingSymbols;
import io.hivemind.analytics.domain.UserLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The analytics' answers, from the stores ({@link AnalyticsStoreReader}) and the pure rules of
 * {@code io.hivemind.analytics.domain}. Every community figure passes {@link KAnonymity}; private
 * users are in none (the topology makes no fleet contribution and no standing for them), and
 * community boards name users by handle ({@link HandleMinter}), never by id.
 */
@ApplicationScoped
class AnalyticsViews {

  static final int HOURS = 48;
  static final int DAYS = 30;

  private final AnalyticsStoreReader stores;
  private final AnalyticsSettings settings;
  private final KAnonymity k;
  private final Leaderboard leaderboard;
  private final TopPerformers topPerformers;
  private final HotStrategies hotStrategies;
  private final BadgeRules rules = BadgeRules.v1();
  private final Clock clock;

  AnalyticsViews(
      AnalyticsStoreReader stores,
      AnalyticsSettings settings,
      HandleMinter handles,
      HotStrategies hotStrategies,
      Clock clock) {
    this.stores = stores;
    this.settings = settings;
    this.k = settings.kAnonymity();
    this.leaderboard = settings.leaderboard();
    this.topPerformers = new TopPerformers(leaderboard, handles, k);
    this.hotStrategies = hotStrategies;
    this.clock = clock;
  }

  Bodies.Performance performance(String userId) {
    Performance p = stores.ledger(userId).performance();
    Instant now = clock.instant();
    List<Bodies.HourRow> hourly = new ArrayList<>();
    for (Instant start : lastHours(now)) {
      Tally t = stores.userTally(userId, new Bucket.Hour(start).key());
      hourly.add(new Bodies.HourRow(start, null, t.trades(), t.wins(), t.winRate(), t.pnl(), null));
    }
    List<Bodies.DayRow> daily = new ArrayList<>();
    for (LocalDate date : lastDays(now)) {
      Tally t = stores.userTally(userId, new Bucket.Day(date).key());
      daily.add(new Bodies.DayRow(date, null, t.trades(), t.wins(), t.winRate(), t.pnl(), null));
    }
    List<Bodies.CellRow> heatmap = new ArrayList<>();
    stores
        .userTallies(userId, Bucket.Cell.PREFIX)
        .forEach(
            (key, t) -> {
              Bucket.Cell cell = cell(key.substring(Bucket.Cell.PREFIX.length()));
              heatmap.add(
                  new Bodies.CellRow(
                      cell.symbol(),
                      cell.hourOfDay(),
                      null,
                      t.trades(),
                      t.wins(),
                      t.winRate(),
                      t.pnl(),
                      null));
            });
    return new Bodies.Performance(
        userId,
        p.trades(),
        p.wins(),
        p.losses(),
        p.winRate(),
        p.pnl(),
        p.winStreak(),
        p.bestStreak(),
        p.lastExitTime(),
        hourly,
        daily,
        heatmap,
        community());
  }

  /** The community's all-time figures, beside a user's own. */
  private Bodies.Community community() {
    CommunityFigure<Tally> figure = k.figure(stores.fleetTally(Bucket.AllTime.INSTANCE.key()));
    if (figure instanceof CommunityFigure.Shown<Tally> s) {
      return new Bodies.Community(
          false,
          null,
          s.users(),
          s.value().trades(),
          s.value().winRate(),
          s.value().pnl() / s.value().trades());
    }
    return new Bodies.Community(
        true, ((CommunityFigure.Withheld<Tally>) figure).reason(), null, null, null, null);
  }

  Bodies.Rank rank(String userId) {
    UserLedger ledger = stores.ledger(userId);
    List<Leaderboard.Entry> entries = entries();
    Leaderboard.Unranked why =
        leaderboard.reason(
            new Leaderboard.Entry(userId, ledger.performance(), ledger.privateUser()));
    Bodies.Place byPnl = null;
    Bodies.Place byWinRate = null;
    String reason = null;
    if (why == Leaderboard.Unranked.PRIVATE_USER) {
      reason = "a private user is never ranked: private users appear in no community answer";
    } else if (why == Leaderboard.Unranked.TOO_FEW_TRADES) {
      reason =
          "fewer than "
              + leaderboard.minTrades()
              + " trades ("
              + ledger.performance().trades()
              + "): ranked from "
              + leaderboard.minTrades();
    } else {
      byPnl = place(userId, leaderboard.rank(entries, Leaderboard.Order.PNL));
      byWinRate = place(userId, leaderboard.rank(entries, Leaderboard.Order.WIN_RATE));
      if (byPnl == null || byWinRate == null) {
        reason = "not in the standings yet (they follow the user's trades within seconds)";
        byPnl = null;
        byWinRate = null;
      }
    }
    return new Bodies.Rank(
        userId, leaderboard.minTrades(), ledger.performance().trades(), byPnl, byWinRate, reason);
  }

  private static Bodies.Place place(String userId, List<Leaderboard.Standing> standings) {
    return standings.stream()
        .filter(s -> s.userId().equals(userId))
        .findFirst()
        .map(s -> new Bodies.Place(s.rank(), standings.size()))
        .orElse(null);
  }

  Bodies.Badges badges(String userId) {
    List<Award> held =
        stores.ledger(userId).awards().stream()
            .filter(a -> a.ruleSet().equals(rules.version()))
            .toList();
    Map<String, String> descriptions =
        rules.rules().stream()
            .collect(Collectors.toMap(BadgeRules.Rule::badge, BadgeRules.Rule::description));
    Set<String> heldIds = held.stream().map(Award::badge).collect(Collectors.toSet());
    return new Bodies.Badges(
        userId,
        rules.version(),
        held.stream()
            .map(
                a ->
                    new Bodies.HeldBadge(
                        a.badge(), descriptions.get(a.badge()), a.earnedAt(), a.signalId()))
            .toList(),
        rules.rules().stream()
            .filter(r -> !heldIds.contains(r.badge()))
            .map(r -> new Bodies.AvailableBadge(r.badge(), r.description()))
            .toList());
  }

  /** Every badge held, by user: what the live view compares to find new ones. */
  Map<String, List<Award>> allAwards() {
    return stores.ledgers().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().awards()));
  }

  List<Award> awards(String userId) {
    return stores.ledger(userId).awards();
  }

  Bodies.TopPerformers topPerformers(Leaderboard.Order order, int limit) {
    String by = order == Leaderboard.Order.PNL ? "pnl" : "win_rate";
    CommunityFigure<List<TopPerformers.Row>> board = topPerformers.top(entries(), order, limit);
    if (board instanceof CommunityFigure.Shown<List<TopPerformers.Row>> s) {
      return new Bodies.TopPerformers(
          by,
          leaderboard.minTrades(),
          k.k(),
          false,
          null,
          s.users(),
          s.value().stream()
              .map(
                  r ->
                      new Bodies.Performer(
                          r.rank(),
                          r.handle(),
                          r.trades(),
                          r.wins(),
                          r.winRate(),
                          r.pnl(),
                          r.bestStreak()))
              .toList());
    }
    return new Bodies.TopPerformers(
        by,
        leaderboard.minTrades(),
        k.k(),
        true,
        "fewer than "
            + k.k()
            + " users are ranked (each needs "
            + leaderboard.minTrades()
            + " trades; private users are never ranked): withheld for their privacy",
        null,
        null);
  }

  private List<Leaderboard.Entry> entries() {
    List<Leaderboard.Entry> entries = new ArrayList<>();
    // the standings hold public users only: a tombstone removed each user who turned private
    stores.standings().forEach((user, ledger) -> entries.add(Leaderboard.Entry.of(user, ledger)));
    return entries;
  }

  Bodies.TrendingSymbols trendingSymbols() {
    LocalDate today = today();
    TrendingSymbols.Board board =
        new TrendingSymbols(k).of(stores.fleetTallies(Bucket.SymbolDay.prefix(today)));
    return new Bodies.TrendingSymbols(
        today,
        k.k(),
        board.shown().stream()
            .map(
                r ->
                    new Bodies.SymbolRow(
                        r.symbol(),
                        r.tally().trades(),
                        r.tally().wins(),
                        r.tally().winRate(),
                        r.tally().pnl(),
                        r.tally().contributors()))
            .toList(),
        board.withheld().stream()
            .map(w -> new Bodies.WithheldSymbol(w.name(), w.reason()))
            .toList());
  }

  Bodies.HotStrategies hotStrategies() {
    LocalDate today = today();
    HotStrategies.Board board =
        hotStrategies.of(stores.fleetTallies(Bucket.PatternDay.prefix(today)));
    return new Bodies.HotStrategies(
        today,
        k.k(),
        hotStrategies.minTrades(),
        board.shown().stream()
            .map(
                r ->
                    new Bodies.StrategyRow(
                        r.pattern(),
                        r.tally().trades(),
                        r.tally().wins(),
                        r.tally().winRate(),
                        r.tally().pnl(),
                        r.tally().contributors()))
            .toList(),
        board.withheld().stream()
            .map(w -> new Bodies.WithheldStrategy(w.name(), w.reason()))
            .toList());
  }

  Bodies.BotsStats botsStats() {
    Instant now = clock.instant();
    Map<String, UserLedger> ledgers = stores.ledgers();
    Map<String, Long> heartbeats = stores.lastHeartbeats();
    Set<String> users = new TreeSet<>(ledgers.keySet());
    users.addAll(heartbeats.keySet());
    long since = now.minus(settings.activeWindow()).toEpochMilli();
    List<Bodies.BotStats> rows = new ArrayList<>();
    for (String user : users) {
      UserLedger ledger = ledgers.getOrDefault(user, UserLedger.EMPTY);
      Long beat = heartbeats.get(user);
      rows.add(
          new Bodies.BotStats(
              user,
              ledger.performance().trades(),
              ledger.performance().wins(),
              ledger.performance().pnl(),
              ledger.privateUser(),
              beat == null ? null : Instant.ofEpochMilli(beat),
              beat != null && beat >= since && beat <= now.toEpochMilli()));
    }
    return new Bodies.BotsStats(now, rows);
  }

  Bodies.Fleet fleet() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    FleetGrowth growth =
        FleetGrowth.of(
            stores.fleetTally(Bucket.AllTime.INSTANCE.key()),
            stores.fleetTally(new Bucket.Day(today).key()),
            ActiveBots.count(stores.lastHeartbeats(), now, settings.activeWindow()),
            k);
    Long experiences = null;
    String experiencesWithheld = null;
    if (growth.experiencesLearned() instanceof CommunityFigure.Shown<Long> s) {
      experiences = s.value();
    } else if (growth.experiencesLearned() instanceof CommunityFigure.Withheld<Long> w) {
      experiencesWithheld = w.reason();
    }
    long distinctPatterns = hotStrategies.withEvidence(stores.fleetTallies(Bucket.Pattern.PREFIX));
    List<Bodies.HourRow> hourly = new ArrayList<>();
    for (Instant start : lastHours(now)) {
      Tally t = stores.fleetTally(new Bucket.Hour(start).key());
      hourly.add(
          k.figure(t) instanceof CommunityFigure.Shown<Tally>
              ? new Bodies.HourRow(
                  start, false, t.trades(), t.wins(), t.winRate(), t.pnl(), t.contributors())
              : new Bodies.HourRow(start, true, null, null, null, null, null));
    }
    List<Bodies.DayRow> daily = new ArrayList<>();
    for (LocalDate date : lastDays(now)) {
      Tally t = stores.fleetTally(new Bucket.Day(date).key());
      daily.add(
          k.figure(t) instanceof CommunityFigure.Shown<Tally>
              ? new Bodies.DayRow(
                  date, false, t.trades(), t.wins(), t.winRate(), t.pnl(), t.contributors())
              : new Bodies.DayRow(date, true, null, null, null, null, null));
    }
    List<Bodies.CellRow> heatmap = new ArrayList<>();
    stores
        .fleetTallies(Bucket.Cell.PREFIX)
        .forEach(
            (rest, t) -> {
              Bucket.Cell cell = cell(rest);
              heatmap.add(
                  k.figure(t) instanceof CommunityFigure.Shown<Tally>
                      ? new Bodies.CellRow(
                          cell.symbol(),
                          cell.hourOfDay(),
                          false,
                          t.trades(),
                          t.wins(),
                          t.winRate(),
                          t.pnl(),
                          t.contributors())
                      : new Bodies.CellRow(
                          cell.symbol(), cell.hourOfDay(), true, null, null, null, null, null));
            });
    return new Bodies.Fleet(
        now,
        k.k(),
        new Bodies.Growth(
            experiences,
            experiencesWithheld,
            growth.users(),
            growth.usersToday(),
            growth.activeBots(),
            distinctPatterns),
        hourly,
        daily,
        heatmap,
        topPerformers(Leaderboard.Order.PNL, 10));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** The last {@value #HOURS} UTC hours, oldest first, the current one last. */
  private static List<Instant> lastHours(Instant now) {
    Instant current = now.truncatedTo(ChronoUnit.HOURS);
    List<Instant> hours = new ArrayList<>(HOURS);
    for (int i = HOURS - 1; i >= 0; i--) {
      hours.add(current.minus(i, ChronoUnit.HOURS));
    }
    return hours;
  }

  /** The last {@value #DAYS} UTC days, oldest first, today last. */
  private static List<LocalDate> lastDays(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<LocalDate> days = new ArrayList<>(DAYS);
    for (int i = DAYS - 1; i >= 0; i--) {
      days.add(today.minusDays(i));
    }
    return days;
  }

  /** {@code ES/9} (a cell key without its prefix): the symbol is all before the last slash. */
  private static Bucket.Cell cell(String rest) {
    int slash = rest.lastIndexOf('/');
    return new Bucket.Cell(rest.substring(0, slash), Integer.parseInt(rest.substring(slash + 1)));
  }
}
