package io.hivemind.analytics.domain;

import static io.hivemind.analytics.domain.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A known set of trades (entries five minutes before the exits; New York is UTC-5 in November):
 *
 * <pre>
 * user  trade     exit (UTC)          P&L    entry in New York
 * a     s1  ES    2026-11-20 14:32   +100    09:27
 * p     s1  ES    2026-11-20 14:35  +1000    09:30   private user
 * b     s1  ES    2026-11-20 14:40   +200    09:35
 * a     s2  ES    2026-11-20 14:50    -40    09:45
 * e     s1  ES    2026-11-20 14:59    +30    09:54
 * a     s3  ES    2026-11-20 15:10    +60    10:05
 * c     s1  NQ    2026-11-20 15:20    -50    10:15
 * d     s1  ES    2026-11-21 00:05    +10    19:00 (on the 20th)
 * a     s1  again                             a repeat: ignored
 * </pre>
 */
class AnalyticsBookTest {

  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
  private final AnalyticsBook book = new AnalyticsBook(BadgeRules.v1());

  private static Instant at(String utc) {
    return Instant.parse("2026-11-" + utc + "Z");
  }

  @BeforeEach
  void addTheKnownTrades() {
    book.add(trade("a", "s1", 100, at("20T14:32:00")));
    book.add(trade("p", "s1", "ES", 1000, at("20T14:35:00"), true));
    book.add(trade("b", "s1", 200, at("20T14:40:00")));
    book.add(trade("a", "s2", -40, at("20T14:50:00")));
    book.add(trade("e", "s1", 30, at("20T14:59:00")));
    book.add(trade("a", "s3", 60, at("20T15:10:00")));
    book.add(trade("c", "s1", "NQ", -50, at("20T15:20:00"), false));
    book.add(trade("d", "s1", 10, at("21T00:05:00")));
  }

  @Test
  void shouldKeepTheFleetsHoursWithTheirDistinctUsersAndNoPrivateUser() {
    assertThat(book.fleetTally(Bucket.Hour.of(at("20T14:00:00"))))
        .contains(new Tally(4, 3, 290.0, 3));
    assertThat(book.fleetTally(Bucket.Hour.of(at("20T15:00:00"))))
        .contains(new Tally(2, 1, 10.0, 2));
    assertThat(book.fleetTally(Bucket.Hour.of(at("21T00:00:00"))))
        .contains(new Tally(1, 1, 10.0, 1));
    assertThat(book.fleetTally(Bucket.Hour.of(at("20T16:00:00")))).isEmpty();
  }

  @Test
  void shouldKeepTheFleetsUtcDays() {
    assertThat(book.fleetTally(new Bucket.Day(LocalDate.parse("2026-11-20"))))
        .contains(new Tally(6, 4, 300.0, 4));
    assertThat(book.fleetTally(new Bucket.Day(LocalDate.parse("2026-11-21"))))
        .contains(new Tally(1, 1, 10.0, 1));
    assertThat(book.fleetTally(Bucket.AllTime.INSTANCE)).contains(new Tally(7, 5, 310.0, 5));
  }

  @Test
  void shouldKeepTheHeatmapBySymbolAndExchangeHourOfTheEntry() {
    assertThat(book.fleetTally(new Bucket.Cell("ES", 9))).contains(new Tally(4, 3, 290.0, 3));
    assertThat(book.fleetTally(new Bucket.Cell("ES", 10))).contains(new Tally(1, 1, 60.0, 1));
    assertThat(book.fleetTally(new Bucket.Cell("NQ", 10))).contains(new Tally(1, 0, -50.0, 1));
    assertThat(book.fleetTally(new Bucket.Cell("ES", 19))).contains(new Tally(1, 1, 10.0, 1));
  }

  @Test
  void shouldKeepEachSymbolsUtcDayWithItsDistinctUsersAndNoPrivateUser() {
    LocalDate day20 = LocalDate.parse("2026-11-20");
    assertThat(book.fleetTally(new Bucket.SymbolDay("ES", day20)))
        .contains(new Tally(5, 4, 350.0, 3));
    assertThat(book.fleetTally(new Bucket.SymbolDay("NQ", day20)))
        .contains(new Tally(1, 0, -50.0, 1));
    assertThat(book.fleetTally(new Bucket.SymbolDay("ES", LocalDate.parse("2026-11-21"))))
        .contains(new Tally(1, 1, 10.0, 1));
  }

  @Test
  void shouldKeepEachStrategysUtcDayAndAllTimeWithItsDistinctUsers() {
    AnalyticsBook strategies = new AnalyticsBook(BadgeRules.v1());
    Instant exit = at("20T14:32:00");
    strategies.add(patterned("a", "s1", 100, exit, false, "v1", "v1/open"));
    strategies.add(patterned("a", "s2", -20, exit.plusSeconds(60), false, "v1", "v1/open"));
    strategies.add(patterned("b", "s1", 30, exit.plusSeconds(120), false, "v1", "v1/open"));
    strategies.add(patterned("p", "s1", 500, exit.plusSeconds(180), true, "v1", "v1/open"));
    strategies.add(patterned("c", "s1", 7, at("21T14:00:00"), false, "v1", "v1/open"));

    assertThat(
            strategies.fleetTally(new Bucket.PatternDay("v1/open", LocalDate.parse("2026-11-20"))))
        .contains(new Tally(3, 2, 110.0, 2));
    assertThat(strategies.fleetTally(new Bucket.Pattern("v1/open")))
        .contains(new Tally(4, 3, 117.0, 3));
    assertThat(strategies.fleetTally(new Bucket.Pattern("v1"))).isEmpty();
  }

  private static Trade patterned(
      String user, String id, double pnl, Instant exit, boolean privateUser, String... patterns) {
    return new Trade(
        user, id, "ES", exit.minusSeconds(300), exit, pnl, pnl > 0, privateUser, List.of(patterns));
  }

  @Test
  void shouldKeepEachUsersOwnBucketsIncludingAPrivateUsers() {
    assertThat(book.userTally("a", Bucket.Hour.of(at("20T14:00:00"))))
        .isEqualTo(new Tally(2, 1, 60.0, 0));
    assertThat(book.userTally("a", Bucket.Day.of(DAY))).isEqualTo(new Tally(3, 2, 120.0, 0));
    assertThat(book.userTally("p", Bucket.Day.of(DAY))).isEqualTo(new Tally(1, 1, 1000.0, 0));
    assertThat(book.ledger("p").privateUser()).isTrue();
  }

  @Test
  void shouldIgnoreARepeatedExperience() {
    assertThat(book.add(trade("a", "s1", 100, at("20T14:32:00")))).isFalse();
    assertThat(book.ledger("a").performance())
        .isEqualTo(new Performance(3, 2, 120.0, 1, 1, at("20T15:10:00")));
    assertThat(book.fleetTally(Bucket.AllTime.INSTANCE)).contains(new Tally(7, 5, 310.0, 5));
    assertThat(book.awards())
        .filteredOn(earned -> earned.userId().equals("a"))
        .containsExactly(
            new AnalyticsBook.Earned(
                "a", new Award("first-trade", "badges-v1", at("20T14:32:00"), "s1")));
  }

  @Test
  void shouldAwardEveryUserTheirFirstTradeOnceAndThePrivateUserTheirOwnBadges() {
    // six first trades (a, p, b, e, c, d) and p's $1K
    assertThat(book.awards()).hasSize(7);
    assertThat(book.ledger("p").awards())
        .extracting(Award::badge)
        .containsExactly("first-trade", "profit-1k");
  }

  @Test
  void shouldWithholdCommunityFiguresOfFewerThanKUsersNotCountingPrivateUsers() {
    KAnonymity k5 = new KAnonymity(KAnonymity.DEFAULT_K);
    // six users traded; the private one is not among the five
    assertThat(k5.figure(book.fleetTally(Bucket.AllTime.INSTANCE).orElseThrow()))
        .isEqualTo(new CommunityFigure.Shown<>(new Tally(7, 5, 310.0, 5), 5));
    assertThat(k5.figure(book.fleetTally(Bucket.Day.of(DAY)).orElseThrow()))
        .isEqualTo(
            new CommunityFigure.Withheld<>(
                "computed from fewer than 5 distinct users: withheld for their privacy"));
    assertThat(k5.figure(book.fleetTally(Bucket.Day.of(at("22T00:00:00"))).orElse(null)))
        .isInstanceOf(CommunityFigure.Withheld.class);
    assertThat(new KAnonymity(4).figure(book.fleetTally(Bucket.Day.of(DAY)).orElseThrow()))
        .isInstanceOf(CommunityFigure.Shown.class);
  }
}
