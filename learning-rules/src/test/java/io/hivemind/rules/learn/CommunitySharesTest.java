package io.hivemind.rules.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceModel;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.answer.StatsMaps;
import io.hivemind.rules.learn.CommunityShares.KeyedContribution;
import io.hivemind.schema.CommunityDelta;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.TradeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommunitySharesTest {

  private static final Instant DAY_1 = Instant.parse("2026-11-20T15:00:00Z");
  private static final Map<String, Double> FEATURES = Map.of("rsi", 34.2, "vwap_z", -2.15);
  private static final Duration HALF_LIFE = Duration.ofDays(30);
  private static final int CAP = 25;

  private final ExperienceFactory factory = new ExperienceFactory(PatternScheme.v1());
  private final CommunityShares shares = new CommunityShares(CAP);
  private final CommunityShares.Ledger ledger = CommunityShares.Ledger.in(new HashMap<>());
  private int ids;

  @Test
  void shouldMakeAUsersFirstTradeInAStatisticTheirFirstContributionAtEveryLevel() {
    List<KeyedContribution> first = shares.contribute(trade("alice", true, DAY_1), ledger);
    List<KeyedContribution> second =
        shares.contribute(trade("alice", true, DAY_1.plusSeconds(60)), ledger);
    List<KeyedContribution> bobs = shares.contribute(trade("bob", true, DAY_1), ledger);

    assertThat(first).hasSize(3).allMatch(c -> c.contribution().getFirstFromUser());
    assertThat(second).hasSize(3).noneMatch(c -> c.contribution().getFirstFromUser());
    assertThat(bobs).hasSize(3).allMatch(c -> c.contribution().getFirstFromUser());
  }

  @Test
  void shouldCountAtMostTheCapOfAUsersTradesPerStatisticAndDay() {
    int counted = 0;
    for (int i = 0; i < 10_000; i++) {
      counted += shares.contribute(trade("mallory", true, DAY_1.plusMillis(i)), ledger).size();
    }

    assertThat(counted).as("25 per level, 3 levels").isEqualTo(3 * CAP);
  }

  @Test
  void shouldGiveAUserANewShareOnTheNextDay() {
    for (int i = 0; i < CAP + 5; i++) {
      shares.contribute(trade("alice", true, DAY_1.plusSeconds(i)), ledger);
    }

    assertThat(shares.contribute(trade("alice", true, DAY_1.plusSeconds(100)), ledger)).isEmpty();
    assertThat(shares.contribute(trade("alice", true, DAY_1.plus(Duration.ofDays(1))), ledger))
        .hasSize(3);
  }

  @Test
  void shouldCountALateTradeAgainstTheDayKeptSoLatenessNeverResetsTheShare() {
    for (int i = 0; i < CAP; i++) {
      shares.contribute(
          trade("alice", true, DAY_1.plus(Duration.ofDays(1)).plusSeconds(i)), ledger);
    }

    assertThat(shares.contribute(trade("alice", true, DAY_1), ledger))
        .as("a trade of the day before, arriving once the day kept is spent")
        .isEmpty();
  }

  @Test
  void shouldGiveAPrivateUsersTradeToNoCommunityStatistic() {
    Experience secluded =
        factory.matched(signal("carol", DAY_1), outcome("carol", true, DAY_1, true));

    assertThat(shares.contribute(secluded, ledger)).isEmpty();
  }

  @Test
  void shouldRefuseACapBelowOne() {
    assertThatThrownBy(() -> new CommunityShares(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Five users trade a pattern at about 50 %; mallory posts 10,000 wins on it in one day. Bob, who
   * never traded it, is answered from the community: it moves him no more than {@code CAP} wins of
   * one more user would, and far less than the 10,000 would have counted in full.
   */
  @Test
  void shouldBoundHowFarOneUserCanMoveAnotherUsersAnswer() {
    StatsMaps honest = new StatsMaps();
    for (int user = 0; user < 5; user++) {
      for (int day = 0; day < 8; day++) {
        for (int t = 0; t < 4; t++) {
          boolean win = (user + day + t) % 2 == 0;
          learn(honest, trade("honest-" + user, win, DAY_1.minus(Duration.ofDays(day + 1))));
        }
      }
    }
    StatsMaps attacked = copy(honest);
    StatsMaps atTheCap = copy(honest);
    StatsMaps uncapped = copy(honest);
    for (int i = 0; i < 10_000; i++) {
      Experience win = trade("mallory", true, DAY_1.plusMillis(i));
      learn(attacked, win);
      if (i < CAP) {
        countInFull(atTheCap, win, i == 0);
      }
      countInFull(uncapped, win, i == 0);
    }
    ConfidenceModel model = ConfidenceModel.v1(ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS);
    ConfidenceQuery bob =
        new ConfidenceQuery("bob", "ES", Side.LONG, FEATURES, DAY_1.plusSeconds(60));

    double before = model.answer(bob, honest).confidence().probability();
    double after = model.answer(bob, attacked).confidence().probability();
    double capAllows = model.answer(bob, atTheCap).confidence().probability();
    double inFull = model.answer(bob, uncapped).confidence().probability();

    assertThat(model.answer(bob, honest).communityLevel()).hasValue(2);
    assertThat(after - before).isPositive().isLessThanOrEqualTo(capAllows - before + 1e-12);
    assertThat(inFull - before).as("what the cap prevents").isGreaterThan(3 * (after - before));
  }

  private void learn(StatsMaps stats, Experience experience) {
    for (StatsKey key : StatsUpdates.userKeys(experience)) {
      stats.users().put(key, StatsUpdates.plus(stats.users().get(key), experience, HALF_LIFE));
    }
    for (KeyedContribution counted : shares.contribute(experience, ledger)) {
      CommunityStatsKey key = counted.key();
      stats.putCommunity(
          key, StatsUpdates.plus(stats.community().get(key), counted.contribution(), HALF_LIFE));
    }
  }

  private static void countInFull(StatsMaps stats, Experience experience, boolean first) {
    for (CommunityStatsKey key : StatsUpdates.communityKeys(experience)) {
      stats.putCommunity(
          key,
          StatsUpdates.plus(
              stats.community().get(key),
              new CommunityDelta(experience.getPnl(), experience.getExitTime(), first),
              HALF_LIFE));
    }
  }

  private static StatsMaps copy(StatsMaps stats) {
    StatsMaps copy = new StatsMaps();
    copy.users().putAll(stats.users());
    stats.community().forEach(copy::putCommunity);
    return copy;
  }

  private Experience trade(String user, boolean win, Instant time) {
    return factory.matched(signal(user, time), outcome(user, win, time, false));
  }

  private Signal signal(String user, Instant time) {
    return new Signal("s-" + ids, user, "ES", Side.LONG, 4500.0, time, "vwap_rsi", FEATURES);
  }

  private TradeOutcome outcome(String user, boolean win, Instant time, boolean privateUser) {
    String id = "s-" + ids++;
    double pnl = win ? 250 : -250;
    return new TradeOutcome(
        id,
        user,
        "ES",
        Side.LONG,
        4500.0,
        4500.0 + pnl / 50,
        time,
        time.plusSeconds(300),
        1,
        pnl,
        win ? "TARGET" : "STOP",
        privateUser);
  }
}
