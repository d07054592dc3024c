package io.hivemind.rules.answer;

import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Learned statistics held in maps: a replay's memory of what it learned. */
public final class StatsMaps implements StatsLookup {

  private final Map<StatsKey, WinStats> users = new HashMap<>();
  private final Map<CommunityStatsKey, WinStats> community = new HashMap<>();

  public Map<StatsKey, WinStats> users() {
    return users;
  }

  public Map<CommunityStatsKey, WinStats> community() {
    return community;
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
