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
 * A community statistic counts as evidence only if at least {@code minContributors} distinct users
 * other than the asker are counted in it (the estimate weighs everyone else), and so do all coarser
 * levels above it (k-anonymity): below that the answer rests on the deepest level that has them, or
 * on none (uninformed by the community), and it says which level it used. Coarser statistics hold
 * every trade of the finer ones, so a level that passes has coarser levels that pass.
 */
final class EvidenceAssembler {

  private EvidenceAssembler() {}

  /**
   * @param patterns the question's pattern at each level, index = level
   */
  static PatternEvidence assemble(
      ConfidenceQuery query, List<String> patterns, StatsLookup stats, int minContributors) {
    List<Counts> community = new ArrayList<>(patterns.size());
    List<Counts> user = new ArrayList<>(patterns.size());
    Optional<WinStats> communityUsed = Optional.empty();
    int communityLevel = PatternEvidence.NO_COMMUNITY_LEVEL;
    Optional<WinStats> deepestUser = Optional.empty();
    // A private user draws nothing from the community: not even read, so the answer reports no
    // community trades either.
    boolean open = !query.privateUser();
    for (int level = 0; level < patterns.size(); level++) {
      String pattern = patterns.get(level);
      deepestUser =
          stats.user(new StatsKey(query.userId(), query.symbol(), query.side(), level, pattern));
      user.add(WinStatsCounts.decayed(deepestUser));
      Optional<WinStats> shared =
          open
              ? stats.community(new CommunityStatsKey(query.symbol(), query.side(), level, pattern))
              : Optional.empty();
      // the estimate weighs everyone else (the asker's own trades are taken out): k of them
      int askerCounted = deepestUser.isPresent() ? 1 : 0;
      open = shared.filter(s -> s.getContributors() - askerCounted >= minContributors).isPresent();
      if (open) {
        communityUsed = shared;
        communityLevel = level;
        community.add(WinStatsCounts.decayed(shared));
      } else {
        community.add(Counts.NONE);
      }
    }
    Evidence evidence = new Evidence(community, user, query.privateUser());
    return new PatternEvidence(
        evidence,
        WinStatsCounts.trades(deepestUser),
        WinStatsCounts.trades(communityUsed),
        communityLevel,
        patterns,
        deepestUser,
        communityUsed);
  }
}
