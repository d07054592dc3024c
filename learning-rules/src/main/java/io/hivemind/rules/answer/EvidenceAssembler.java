package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.Counts;
import io.hivemind.learning.confidence.Evidence;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects, level by level, what the community and the user have learned at a question's patterns.
 */
final class EvidenceAssembler {

  private EvidenceAssembler() {}

  /**
   * @param patterns the question's pattern at each level, index = level
   */
  static PatternEvidence assemble(ConfidenceQuery query, List<String> patterns, StatsLookup stats) {
    List<Counts> community = new ArrayList<>(patterns.size());
    List<Counts> user = new ArrayList<>(patterns.size());
    Optional<WinStats> deepestCommunity = Optional.empty();
    Optional<WinStats> deepestUser = Optional.empty();
    for (int level = 0; level < patterns.size(); level++) {
      String pattern = patterns.get(level);
      // A private user draws nothing from the community: not even read, so the answer reports
      // no community trades either.
      deepestCommunity =
          query.privateUser()
              ? Optional.empty()
              : stats.community(
                  new CommunityStatsKey(query.symbol(), query.side(), level, pattern));
      deepestUser =
          stats.user(new StatsKey(query.userId(), query.symbol(), query.side(), level, pattern));
      community.add(WinStatsCounts.decayed(deepestCommunity));
      user.add(WinStatsCounts.decayed(deepestUser));
    }
    Evidence evidence = new Evidence(community, user, query.privateUser());
    return new PatternEvidence(
        evidence,
        WinStatsCounts.trades(deepestUser),
        WinStatsCounts.trades(deepestCommunity),
        patterns.get(patterns.size() - 1));
  }
}
