package io.hivemind.rules.answer;

import static io.hivemind.rules.answer.MapStatsLookup.K;
import static io.hivemind.rules.answer.MapStatsLookup.shared;
import static io.hivemind.rules.answer.MapStatsLookup.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.TradeSimulation.Source;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeSimulationTest {

  private static final Instant MIDDAY_NEW_YORK = Instant.parse("2026-11-20T17:30:00Z");
  private static final Map<String, Double> FEATURES = Map.of("rsi", 34.2, "vwap_z", -2.15);
  private static final List<String> PATTERNS =
      PatternScheme.v1().patterns(MIDDAY_NEW_YORK, FEATURES);
  private static final int DEEPEST = PATTERNS.size() - 1;

  private final ConfidenceModel model = ConfidenceModel.v1(K);
  private final MapStatsLookup lookup = new MapStatsLookup();

  @Test
  void shouldExpectNothingWhenNothingIsKnown() {
    TradeSimulation simulation = model.simulate(query("u1"), lookup);

    assertThat(simulation.source()).isEqualTo(Source.NONE);
    assertThat(simulation.pnl()).isEmpty();
    assertThat(simulation.answer().confidence().probability()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void shouldReadTheCommunitysPnlAtTheLevelTheAnswerShows() {
    // deepest level withheld (too few users), L1 shown: its trades average +12
    community(0, K + 1, 400, 6_000, 200_000);
    community(1, K + 1, 200, 2_400, 100_000);
    community(DEEPEST, K - 1, 50, 5_000, 600_000);

    TradeSimulation simulation = model.simulate(query("newcomer"), lookup);

    assertThat(simulation.source()).isEqualTo(Source.COMMUNITY);
    assertThat(simulation.answer().communityLevel()).hasValue(1);
    assertThat(simulation.pnl().orElseThrow().mean()).isEqualTo(12.0);
    assertThat(simulation.pnl().orElseThrow().trades()).isEqualTo(200);
    assertThat(simulation.pnl().orElseThrow().level())
        .isEqualTo(simulation.answer().confidence().level());
  }

  @Test
  void shouldPreferTheUsersOwnPnlOnceTheyHaveEnoughTradesAtThePattern() {
    communityAtEveryLevel(1_000, 10_000, 500_000);
    own("veteran", TradeSimulation.OWN_TRADES, -60, 3_000);

    TradeSimulation simulation = model.simulate(query("veteran"), lookup);

    assertThat(simulation.source()).isEqualTo(Source.USER);
    assertThat(simulation.pnl().orElseThrow().mean()).isCloseTo(-2.0, within(1e-9));
  }

  @Test
  void shouldPreferTheCommunityOverAFewOwnTrades() {
    communityAtEveryLevel(1_000, 10_000, 500_000);
    own("veteran", TradeSimulation.OWN_TRADES - 1, -58, 3_000);

    TradeSimulation simulation = model.simulate(query("veteran"), lookup);

    assertThat(simulation.source()).isEqualTo(Source.COMMUNITY);
    assertThat(simulation.pnl().orElseThrow().mean()).isEqualTo(10.0);
  }

  @Test
  void shouldFallBackToAFewOwnTradesWhenTheCommunityShowsNothing() {
    own("u1", 5, 50, 1_000);

    TradeSimulation simulation = model.simulate(query("u1"), lookup);

    assertThat(simulation.source()).isEqualTo(Source.USER);
    assertThat(simulation.pnl().orElseThrow().mean()).isEqualTo(10.0);
  }

  @Test
  void shouldNeverReadTheCommunityForAPrivateUser() {
    communityAtEveryLevel(1_000, 10_000, 500_000);

    TradeSimulation simulation = model.simulate(query("u1").withPrivateUser(true), lookup);

    assertThat(simulation.source()).isEqualTo(Source.NONE);
    assertThat(lookup.asked).noneMatch(CommunityStatsKey.class::isInstance);
  }

  @Test
  void shouldAnswerAsTheConfidenceModelDoes() {
    communityAtEveryLevel(1_000, 10_000, 500_000);
    own("u1", 12, 50, 1_000);

    assertThat(model.simulate(query("u1"), lookup).answer())
        .isEqualTo(model.answer(query("u1"), lookup));
  }

  private void communityAtEveryLevel(long trades, double pnlSum, double pnlSquares) {
    for (int level = 0; level < PATTERNS.size(); level++) {
      community(level, K + 1, trades, pnlSum, pnlSquares);
    }
  }

  private void community(
      int level, int contributors, long trades, double pnlSum, double pnlSquares) {
    WinStats stats = shared(contributors, trades, trades / 2, trades / 2.0, trades);
    stats.setPnlSum(pnlSum);
    stats.setPnlSumSquares(pnlSquares);
    lookup.community.put(new CommunityStatsKey("ES", Side.LONG, level, PATTERNS.get(level)), stats);
  }

  private void own(String user, long trades, double pnlSum, double pnlSquares) {
    for (int level = 0; level < PATTERNS.size(); level++) {
      WinStats stats = stats(trades, trades / 2, trades / 2.0, trades);
      stats.setPnlSum(pnlSum);
      stats.setPnlSumSquares(pnlSquares);
      lookup.user.put(new StatsKey(user, "ES", Side.LONG, level, PATTERNS.get(level)), stats);
    }
  }

  private ConfidenceQuery query(String asker) {
    return new ConfidenceQuery(asker, "ES", Side.LONG, FEATURES, MIDDAY_NEW_YORK);
  }
}
