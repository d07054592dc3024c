package io.hivemind.rules.answer;

import static io.hivemind.rules.answer.MapStatsLookup.stats;
import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.confidence.Counts;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceAssemblerTest {

  private static final List<String> PATTERNS = List.of("v1", "v1/mid", "v1/mid/rsi6/vz-5");
  private static final ConfidenceQuery QUERY =
      new ConfidenceQuery("u1", "ES", Side.LONG, Map.of(), Instant.EPOCH);

  private final MapStatsLookup lookup = new MapStatsLookup();

  @Test
  void shouldLookUpEachLevelOfTheQuestionByItsExactKey() {
    EvidenceAssembler.assemble(QUERY, PATTERNS, lookup);

    assertThat(lookup.asked)
        .containsExactly(
            new CommunityStatsKey("ES", Side.LONG, 0, "v1"),
            new StatsKey("u1", "ES", Side.LONG, 0, "v1"),
            new CommunityStatsKey("ES", Side.LONG, 1, "v1/mid"),
            new StatsKey("u1", "ES", Side.LONG, 1, "v1/mid"),
            new CommunityStatsKey("ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"),
            new StatsKey("u1", "ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"));
  }

  @Test
  void shouldPutEachLevelsCountsAtItsIndex() {
    lookup.community.put(new CommunityStatsKey("ES", Side.LONG, 0, "v1"), stats(90, 50, 45, 80));
    lookup.community.put(
        new CommunityStatsKey("ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"), stats(9, 6, 5, 8));
    lookup.user.put(new StatsKey("u1", "ES", Side.LONG, 1, "v1/mid"), stats(4, 3, 2.5, 3.5));

    PatternEvidence found = EvidenceAssembler.assemble(QUERY, PATTERNS, lookup);

    assertThat(found.evidence().community())
        .containsExactly(new Counts(45, 80), Counts.NONE, new Counts(5, 8));
    assertThat(found.evidence().user())
        .containsExactly(Counts.NONE, new Counts(2.5, 3.5), Counts.NONE);
    assertThat(found.evidence().privateUser()).isFalse();
  }

  @Test
  void shouldReportRawTradesAtTheDeepestPattern() {
    lookup.community.put(
        new CommunityStatsKey("ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"), stats(2400, 1600, 5, 8));
    lookup.user.put(
        new StatsKey("u1", "ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"), stats(42, 30, 2, 3));
    lookup.user.put(new StatsKey("u1", "ES", Side.LONG, 0, "v1"), stats(500, 300, 2, 3));

    PatternEvidence found = EvidenceAssembler.assemble(QUERY, PATTERNS, lookup);

    assertThat(found.userTrades()).isEqualTo(42);
    assertThat(found.communityTrades()).isEqualTo(2400);
    assertThat(found.pattern()).isEqualTo("v1/mid/rsi6/vz-5");
  }

  @Test
  void shouldNeitherReadNorReportTheCommunityForAPrivateUser() {
    lookup.community.put(
        new CommunityStatsKey("ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"), stats(2400, 1600, 5, 8));
    lookup.user.put(
        new StatsKey("u1", "ES", Side.LONG, 2, "v1/mid/rsi6/vz-5"), stats(42, 30, 2, 3));

    PatternEvidence found =
        EvidenceAssembler.assemble(QUERY.withPrivateUser(true), PATTERNS, lookup);

    assertThat(found.evidence().privateUser()).isTrue();
    assertThat(found.evidence().community()).containsOnly(Counts.NONE);
    assertThat(found.communityTrades()).isZero();
    assertThat(found.userTrades()).isEqualTo(42);
    assertThat(lookup.asked).hasSize(3).allMatch(StatsKey.class::isInstance);
  }

  @Test
  void shouldStopAtTheDeepestLevelTheQuestionHas() {
    PatternEvidence found = EvidenceAssembler.assemble(QUERY, List.of("v1", "v1/mid"), lookup);

    assertThat(found.evidence().community()).hasSize(2);
    assertThat(found.pattern()).isEqualTo("v1/mid");
    assertThat(lookup.asked).hasSize(4);
  }
}
