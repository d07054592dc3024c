package io.hivemind.rules.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.schema.CommunityContribution;
import io.hivemind.schema.CommunityDelta;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.WinStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A private user's experience is counted in their own statistics only, never the community's. */
class StatsUpdatesTest {

  private static final Duration HALF_LIFE = Duration.ofDays(30);
  private static final Instant ENTRY = Instant.parse("2026-11-20T17:30:00Z");

  private final ExperienceFactory factory = new ExperienceFactory(PatternScheme.v1());

  private static TradeOutcome outcome(boolean privateUser) {
    return new TradeOutcome(
        "s1",
        "u1",
        "ES",
        Side.LONG,
        4500.0,
        4510.0,
        ENTRY,
        ENTRY.plusSeconds(300),
        1,
        500.0,
        "TARGET",
        privateUser);
  }

  private static Signal signal() {
    return Signal.newBuilder()
        .setSignalId("s1")
        .setUserId("u1")
        .setSymbol("ES")
        .setSide(Side.LONG)
        .setPrice(4500.0)
        .setTimestamp(ENTRY)
        .setStrategy("vwap_rsi")
        .setFeatures(Map.of("rsi", 34.2, "vwap_z", -2.15))
        .build();
  }

  @Test
  void shouldCopyPrivacyFromTheOutcomeToTheExperience() {
    assertThat(factory.matched(signal(), outcome(true)).getPrivateUser()).isTrue();
    assertThat(factory.withoutSignal(outcome(true)).getPrivateUser()).isTrue();
    assertThat(factory.matched(signal(), outcome(false)).getPrivateUser()).isFalse();
  }

  @Test
  void shouldCountAnOrdinaryExperienceInTheUsersAndTheCommunitysStatistics() {
    Experience experience = factory.matched(signal(), outcome(false));

    assertThat(StatsUpdates.userKeys(experience)).hasSize(3);
    assertThat(StatsUpdates.communityKeys(experience))
        .hasSize(3)
        .first()
        .isEqualTo(new CommunityStatsKey("ES", Side.LONG, 0, "v1"));
  }

  @Test
  void shouldCountAPrivateExperienceInTheUsersStatisticsOnly() {
    Experience experience = factory.matched(signal(), outcome(true));

    assertThat(StatsUpdates.communityKeys(experience)).isEmpty();
    assertThat(StatsUpdates.userKeys(experience))
        .hasSize(3)
        .first()
        .isEqualTo(new StatsKey("u1", "ES", Side.LONG, 0, "v1"));
    assertThat(StatsUpdates.communityKeys(factory.withoutSignal(outcome(true)))).isEmpty();
  }

  @Test
  void shouldCountACommunityDeltaAsTheExperienceItComesFrom() {
    Experience experience = factory.matched(signal(), outcome(false));
    WinStats before = StatsUpdates.plus(null, experience, HALF_LIFE);
    CommunityDelta delta = new CommunityDelta(experience.getPnl(), experience.getExitTime(), false);

    WinStats fromDelta = StatsUpdates.plus(before, delta, HALF_LIFE);
    WinStats fromExperience = StatsUpdates.plus(before, experience, HALF_LIFE);

    assertThat(fromDelta).isEqualTo(fromExperience);
    assertThat(
            StatsUpdates.plus(
                    before,
                    StatsUpdates.delta(new CommunityContribution(experience, true)),
                    HALF_LIFE)
                .getContributors())
        .as("an earlier learner's contribution, its mark kept")
        .isEqualTo(before.getContributors() + 1);
  }
}
