package io.hivemind.analytics.domain;

import static io.hivemind.analytics.domain.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadgeRulesTest {

  private static final Instant T0 = Instant.parse("2026-11-20T14:32:00Z");
  private final BadgeRules rules = BadgeRules.v1();

  /** Runs {@code pnls} as one user's trades, one a minute; returns every award in order. */
  private List<Award> run(double... pnls) {
    UserLedger ledger = UserLedger.EMPTY;
    List<Award> awards = new ArrayList<>();
    for (int i = 0; i < pnls.length; i++) {
      UserLedger.Step step =
          ledger.after(trade("u1", "s" + (i + 1), pnls[i], T0.plusSeconds(60L * i)), rules);
      awards.addAll(step.earned());
      ledger = step.ledger();
    }
    assertThat(ledger.awards()).isEqualTo(awards);
    return awards;
  }

  private static Award award(String badge, int tradeNumber) {
    return new Award(
        badge, "badges-v1", T0.plusSeconds(60L * (tradeNumber - 1)), "s" + tradeNumber);
  }

  @Test
  void shouldAwardTheFirstTradeOnceWithItsExitTime() {
    assertThat(run(-10, 20, 30)).containsExactly(award("first-trade", 1));
  }

  @Test
  void shouldAwardTenTradesAtTheTenthTradeOnly() {
    double[] pnls = new double[12];
    java.util.Arrays.fill(pnls, -1.0);
    assertThat(run(pnls)).containsExactly(award("first-trade", 1), award("trades-10", 10));
  }

  @Test
  void shouldAwardAFiveWinStreakWhenTheFifthWinInARowExits() {
    // W W W W L W W W W W L W: the streak restarts after the loss and reaches 5 at trade 10
    assertThat(run(1, 1, 1, 1, -1, 1, 1, 1, 1, 1, -1, 1))
        .containsExactly(
            award("first-trade", 1), award("trades-10", 10), award("win-streak-5", 10));
  }

  @Test
  void shouldAwardAProfitBadgeOnceEvenWhenThePnlFallsBackAndRisesAgain() {
    // 600, 1,100 (earned), 800, 1,200 (held already)
    assertThat(run(600, 500, -300, 400))
        .containsExactly(award("first-trade", 1), award("profit-1k", 2));
  }

  @Test
  void shouldAwardSeveralBadgesOfOneTradeInTheRuleSetsOrder() {
    // one trade of $12,000: first trade, $1K and $10K at once
    assertThat(run(12_000))
        .containsExactly(award("first-trade", 1), award("profit-1k", 1), award("profit-10k", 1));
  }

  @Test
  void shouldAwardTheSameBadgesAtTheSameTimesWhenReplayed() {
    double[] pnls = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 500, 600, -50};
    assertThat(run(pnls)).isEqualTo(run(pnls)).hasSize(5);
  }

  @Test
  void shouldAwardAgainUnderANewVersionButKeepTheOldAwards() {
    UserLedger ledger = UserLedger.EMPTY.after(trade("u1", "s1", 1, T0), rules).ledger();
    BadgeRules v2 =
        new BadgeRules(
            "badges-v2",
            List.of(new BadgeRules.Rule("first-trade", "a first trade", p -> p.trades() >= 1)));
    UserLedger.Step step = ledger.after(trade("u1", "s2", 1, T0.plusSeconds(60)), v2);
    assertThat(step.earned())
        .containsExactly(new Award("first-trade", "badges-v2", T0.plusSeconds(60), "s2"));
    assertThat(step.ledger().awards()).hasSize(2);
  }
}
