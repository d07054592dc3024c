package io.hivemind.rules.answer;

import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Learned statistics held in maps: a replay's memory of what it learned, with the empirical-Bayes
 * priors (ADR 20) refit from every community statistic as it is learned.
 */
public final class StatsMaps implements StatsLookup {

  private final Map<StatsKey, WinStats> users = new HashMap<>();
  private final Map<CommunityStatsKey, WinStats> community = new HashMap<>();
  private final PriorFitter priors = PriorFitter.served(ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS);

  public Map<StatsKey, WinStats> users() {
    return users;
  }

  /** The community's statistics, read-only: learn them through {@link #putCommunity}. */
  public Map<CommunityStatsKey, WinStats> community() {
    return Collections.unmodifiableMap(community);
  }

  /** A community statistic learned: stored, and the priors refit with it. */
  public void putCommunity(CommunityStatsKey key, WinStats stats) {
    priors.update(key, community.put(key, stats), stats);
  }

  /** The priors fitted from the community's statistics as learned so far. */
  public PriorFitter priors() {
    return priors;
  }

  @Override
  public Optional<WinStats> user(StatsKey key) {
    return Optional.ofNullable(users.get(key));
  }

  @Override
  public Optional<WinStats> community(CommunityStatsKey key) {
    return Optional.ofNullable(community.get(key));
  }
}
