package io.hivemind.rules.answer;

import static io.hivemind.rules.answer.MapStatsLookup.K;
import static io.hivemind.rules.answer.MapStatsLookup.shared;
import static io.hivemind.rules.answer.MapStatsLookup.stats;
import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.confidence.Counts;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceAssemblerTest {

  private static final List<String> PATTERNS = List.of("v1", "v1/mid", "v1/mid/rsi6/vz-5");
  private static final ConfidenceQuery QUERY =
      new ConfidenceQuery("u1", "ES", Side.LONG, Map.of(), Instant.EPOCH);

  private final MapStatsLookup lookup = new MapStatsLookup();

  private PatternEvidence assemble(ConfidenceQuery query, List<String> patterns) {
    return EvidenceAssembler.assemble(query, patterns, lookup, K);
  }

  private void community(int level, WinStats stats) {
    lookup.community.put(new CommunityStatsKey("ES", Side.LONG, level, PATTERNS.get(level)), stats);
  }

  @Test
  void shouldLookUpEachLevelOfTheQuestionByItsExactKey() {
    for (int level = 0; level < PATTERNS.size(); level++) {
      community(level, shared(K, 10, 5, 5, 10));
    }

    assemble(QUERY, PATTERNS);

    assertThat(lookup.asked)
        .containsExactly(
            new StatsKey("u1", "ES", Side.LONG, 0, "v1"),
            new CommunityStatsKey("ES", Side.LONG, 0, "v1"),
            new StatsKey("u1", "ES", Side.LONG, 1, "v1/mid"),
            new CommunityStatsKey("ES", Side.LONG, 1, "v1/mid"),
            new StatsKey("u1", "ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"),
            new CommunityStatsKey("ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"));
  }

  @Test
  void shouldPutEachLevelsCountsAtItsIndex() {
    community(0, shared(K + 1, 90, 50, 45, 80));
    community(1, shared(K + 1, 20, 10, 9, 18));
    community(2, shared(K + 1, 9, 6, 5, 8));
    lookup.user.put(new StatsKey("u1", "ES", Side.LONG, 1, "v1/mid"), stats(4, 3, 2.5, 3.5));

    PatternEvidence found = assemble(QUERY, PATTERNS);

    assertThat(found.evidence().community())
        .containsExactly(new Counts(45, 80), new Counts(9, 18), new Counts(5, 8));
    assertThat(found.evidence().user())
        .containsExactly(Counts.NONE, new Counts(2.5, 3.5), Counts.NONE);
    assertThat(found.evidence().privateUser()).isFalse();
    assertThat(found.communityLevel()).isEqualTo(2);
  }

  @Test
  void shouldNotCountTheAskerAmongTheKUsersTheEstimateWeighs() {
    community(0, shared(K, 900, 500, 450, 800));
    lookup.user.put(new StatsKey("u1", "ES", Side.LONG, 0, "v1"), stats(42, 30, 30, 42));

    PatternEvidence asker = assemble(QUERY, PATTERNS);
    PatternEvidence outsider =
        assemble(new ConfidenceQuery("u2", "ES", Side.LONG, Map.of(), Instant.EPOCH), PATTERNS);

    assertThat(asker.communityLevel())
        .as("u1 and k - 1 others")
        .isEqualTo(PatternEvidence.NO_COMMUNITY_LEVEL);
    assertThat(asker.communityTrades()).isZero();
    assertThat(outsider.communityLevel()).isZero();
  }

  @Test
  void shouldReportRawTradesAtTheDeepestPattern() {
    community(0, shared(K + 100, 9000, 5000, 5, 8));
    community(1, shared(K + 50, 5000, 3000, 5, 8));
    community(2, shared(K + 10, 2400, 1600, 5, 8));
    lookup.user.put(
        new StatsKey("u1", "ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"), stats(42, 30, 2, 3));
    lookup.user.put(new StatsKey("u1", "ES", Side.LONG, 0, "v1"), stats(500, 300, 2, 3));

    PatternEvidence found = assemble(QUERY, PATTERNS);

    assertThat(found.userTrades()).isEqualTo(42);
    assertThat(found.communityTrades()).isEqualTo(2400);
    assertThat(found.communityLevel()).isEqualTo(2);
    assertThat(found.pattern()).isEqualTo("v1/mid/rsi6/vz-5");
  }

  @Test
  void shouldFallBackToTheDeepestLevelWithKDistinctUsers() {
    community(0, shared(K + 3, 900, 500, 450, 800));
    community(1, shared(K - 1, 40, 30, 30, 40));
    community(2, shared(K - 1, 10, 9, 9, 10));
    lookup.user.put(
        new StatsKey("u1", "ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"), stats(42, 30, 2, 3));

    PatternEvidence found = assemble(QUERY, PATTERNS);

    assertThat(found.evidence().community())
        .as("L1 and L2, from fewer than k users, are not evidence")
        .containsExactly(new Counts(450, 800), Counts.NONE, Counts.NONE);
    assertThat(found.communityLevel()).isZero();
    assertThat(found.communityTrades()).as("the trades of the level used").isEqualTo(900);
    assertThat(found.userTrades()).as("the user's own record is theirs").isEqualTo(42);
    assertThat(lookup.asked)
        .as("below a withheld level nothing of the community is read")
        .doesNotContain(new CommunityStatsKey("ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"));
  }

  @Test
  void shouldUseNoCommunityLevelWhenEvenTheCoarsestHasFewerThanKUsers() {
    community(0, shared(K - 1, 10, 7, 7, 10));
    community(1, shared(K - 1, 10, 7, 7, 10));
    community(2, shared(K - 1, 10, 7, 7, 10));

    PatternEvidence found = assemble(QUERY, PATTERNS);

    assertThat(found.evidence().community()).containsOnly(Counts.NONE);
    assertThat(found.communityTrades()).isZero();
    assertThat(found.communityLevel()).isEqualTo(PatternEvidence.NO_COMMUNITY_LEVEL);
  }

  @Test
  void shouldWithholdStatisticsLearnedBeforeContributorsWereCounted() {
    community(0, stats(10_000, 7000, 7000, 10_000)); // contributors: 0, the schema's default

    PatternEvidence found = assemble(QUERY, PATTERNS);

    assertThat(found.communityLevel()).isEqualTo(PatternEvidence.NO_COMMUNITY_LEVEL);
    assertThat(found.communityTrades()).isZero();
  }

  @Test
  void shouldNeitherReadNorReportTheCommunityForAPrivateUser() {
    community(2, shared(K, 2400, 1600, 5, 8));
    lookup.user.put(
        new StatsKey("u1", "ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"), stats(42, 30, 2, 3));

    PatternEvidence found = assemble(QUERY.withPrivateUser(true), PATTERNS);

    assertThat(found.evidence().privateUser()).isTrue();
    assertThat(found.evidence().community()).containsOnly(Counts.NONE);
    assertThat(found.communityTrades()).isZero();
    assertThat(found.userTrades()).isEqualTo(42);
    assertThat(lookup.asked).hasSize(3).allMatch(StatsKey.class::isInstance);
  }

  @Test
  void shouldStopAtTheDeepestLevelTheQuestionHas() {
    community(0, shared(K, 10, 5, 5, 10));
    community(1, shared(K, 10, 5, 5, 10));

    PatternEvidence found = assemble(QUERY, List.of("v1", "v1/mid"));

    assertThat(found.evidence().community()).hasSize(2);
    assertThat(found.pattern()).isEqualTo("v1/mid");
    assertThat(lookup.asked).hasSize(4);
  }
}
