package io.hivemind.rules.answer;

import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stats in maps, recording every key asked for. */
final class MapStatsLookup implements StatsLookup {

  final Map<StatsKey, WinStats> user = new HashMap<>();
  final Map<CommunityStatsKey, WinStats> community = new HashMap<>();
  final List<Object> asked = new ArrayList<>();

  @Override
  public Optional<WinStats> user(StatsKey key) {
    asked.add(key);
    return Optional.ofNullable(user.get(key));
  }

  @Override
  public Optional<WinStats> community(CommunityStatsKey key) {
    asked.add(key);
    return Optional.ofNullable(community.get(key));
  }

  /** k in these tests: the default. */
  static final int K = ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS;

  /** Community statistics from {@code contributors} distinct users. */
  static WinStats shared(
      int contributors, long trades, long wins, double decayedWins, double decayedTrades) {
    WinStats stats = stats(trades, wins, decayedWins, decayedTrades);
    stats.setContributors(contributors);
    return stats;
  }

  static WinStats stats(long trades, long wins, double decayedWins, double decayedTrades) {
    return WinStats.newBuilder()
        .setTrades(trades)
        .setWins(wins)
        .setLosses(trades - wins)
        .setPnlSum(0)
        .setPnlSumSquares(0)
        .setCurrentStreak(0)
        .setBestStreak(0)
        .setLastEventTime(java.time.Instant.EPOCH)
        .setDecayedWins(decayedWins)
        .setDecayedTrades(decayedTrades)
        .build();
  }
}
