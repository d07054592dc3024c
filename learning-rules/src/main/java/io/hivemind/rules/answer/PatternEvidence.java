package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.Evidence;
import io.hivemind.schema.WinStats;
import java.util.List;
import java.util.Optional;

/**
 * The evidence for one question, with the raw trade counts the answer reports next to the
 * probability: the user's at the deepest pattern, the community's at the deepest level it may show
 * ({@code communityLevel}, {@link #NO_COMMUNITY_LEVEL} when no level has enough contributors), and
 * the two statistics those counts are read from; the question's pattern at each level (index =
 * level).
 */
record PatternEvidence(
    Evidence evidence,
    long userTrades,
    long communityTrades,
    int communityLevel,
    List<String> patterns,
    Optional<WinStats> deepestUser,
    Optional<WinStats> communityUsed) {

  static final int NO_COMMUNITY_LEVEL = -1;

  /** The deepest pattern: the one the answer is about. */
  String pattern() {
    return patterns.get(patterns.size() - 1);
  }
}
