package io.hivemind.rules.answer;

import static io.hivemind.rules.answer.MapStatsLookup.K;
import static io.hivemind.rules.answer.MapStatsLookup.shared;
import static io.hivemind.rules.answer.MapStatsLookup.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfidenceModelTest {

  private static final Instant MIDDAY_NEW_YORK = Instant.parse("2026-11-20T17:30:00Z");
  private static final Map<String, Double> FEATURES = Map.of("rsi", 34.2, "vwap_z", -2.15);
  private static final List<String> PATTERNS =
      PatternScheme.v1().patterns(MIDDAY_NEW_YORK, FEATURES);

  private final ConfidenceModel model = ConfidenceModel.v1(K);
  private final MapStatsLookup lookup = new MapStatsLookup();

  @Test
  void shouldBucketTheQuestionIntoAllThreeLevelsWhenBothFeaturesAreGiven() {
    ConfidenceAnswer answer = model.answer(query("u1", FEATURES), lookup);

    assertThat(answer.pattern()).isEqualTo("v1/mid/rsi6/vz-5");
  }

  @Test
  void shouldAnswerAnUninformedHalfWhenNothingIsKnown() {
    ConfidenceAnswer answer = model.answer(query("u1", FEATURES), lookup);

    assertThat(answer.confidence().probability()).isCloseTo(0.5, within(1e-9));
    assertThat(answer.userTrades()).isZero();
    assertThat(answer.communityTrades()).isZero();
  }

  @Test
  void shouldFollowTheCommunityForAUserWithoutTrades() {
    communityWins(0.7, 10_000);

    ConfidenceAnswer answer = model.answer(query("newcomer", FEATURES), lookup);

    assertThat(answer.confidence().probability()).isCloseTo(0.7, within(0.01));
    assertThat(answer.communityTrades()).isEqualTo(10_000);
    assertThat(answer.userTrades()).isZero();
  }

  @Test
  void shouldFollowAUserWithManyTradesOverTheCommunity() {
    communityWins(0.5, 10_000);
    for (int level = 0; level < PATTERNS.size(); level++) {
      lookup.user.put(
          new StatsKey("veteran", "ES", Side.LONG, level, PATTERNS.get(level)),
          stats(5000, 4000, 4000, 5000));
    }

    ConfidenceAnswer veteran = model.answer(query("veteran", FEATURES), lookup);
    ConfidenceAnswer newcomer = model.answer(query("newcomer", FEATURES), lookup);

    assertThat(veteran.confidence().probability()).isGreaterThan(0.75);
    assertThat(newcomer.confidence().probability()).isCloseTo(0.5, within(0.01));
    assertThat(veteran.userTrades()).isEqualTo(5000);
  }

  @Test
  void shouldIgnoreTheCommunityForAPrivateUser() {
    communityWins(0.9, 10_000);

    ConfidenceAnswer ordinary = model.answer(query("newcomer", FEATURES), lookup);
    ConfidenceAnswer secluded =
        model.answer(query("newcomer", FEATURES).withPrivateUser(true), lookup);

    assertThat(ordinary.confidence().probability()).isCloseTo(0.9, within(0.01));
    assertThat(ordinary.communityTrades()).isEqualTo(10_000);
    assertThat(secluded.confidence().probability()).isCloseTo(0.5, within(0.01));
    assertThat(secluded.communityTrades()).isZero();
  }

  @Test
  void shouldStopAtTheSessionWithoutBothFeatures() {
    ConfidenceAnswer answer = model.answer(query("u1", Map.of("rsi", 34.2)), lookup);

    assertThat(answer.pattern()).isEqualTo("v1/mid");
  }

  private void communityWins(double rate, long trades) {
    for (int level = 0; level < PATTERNS.size(); level++) {
      lookup.community.put(
          new CommunityStatsKey("ES", Side.LONG, level, PATTERNS.get(level)),
          // k users besides whoever asks
          shared(K + 1, trades, Math.round(rate * trades), rate * trades, trades));
    }
  }

  private static ConfidenceQuery query(String user, Map<String, Double> features) {
    return new ConfidenceQuery(user, "ES", Side.LONG, features, MIDDAY_NEW_YORK);
  }
}
