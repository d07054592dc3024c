package io.hivemind.confidence.query;

import io.hivemind.confidence.store.CommunityStats;
import io.hivemind.confidence.store.StatsTopology;
import io.hivemind.rules.answer.StatsLookup;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Point lookups in this instance's stores: the user's partition of the user-stats store, and the
 * community's statistics as the global thread holds them in memory. A user lookup may throw {@link
 * org.apache.kafka.streams.errors.InvalidStateStoreException} when the store is closing.
 */
final class StoreStatsLookup implements StatsLookup {

  private final ReadOnlyKeyValueStore<StatsKey, WinStats> userStats;
  private final CommunityStats communityStats;

  /**
   * @param partition the user's partition: only its store is consulted, not all local ones
   * @param anyCopy whether a standby or restoring copy may answer ({@code enableStaleStores}), not
   *     only the running active one
   */
  StoreStatsLookup(
      KafkaStreams streams, int partition, boolean anyCopy, CommunityStats communityStats) {
    StoreQueryParameters<ReadOnlyKeyValueStore<StatsKey, WinStats>> user =
        StoreQueryParameters.fromNameAndType(
                StatsTopology.USER_STATS_STORE,
                QueryableStoreTypes.<StatsKey, WinStats>keyValueStore())
            .withPartition(partition);
    this.userStats = streams.store(anyCopy ? user.enableStaleStores() : user);
    this.communityStats = communityStats;
  }

  static ReadOnlyKeyValueStore<CommunityStatsKey, WinStats> communityStore(KafkaStreams streams) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            StatsTopology.COMMUNITY_STATS_STORE,
            QueryableStoreTypes.<CommunityStatsKey, WinStats>keyValueStore()));
  }

  @Override
  public Optional<WinStats> user(StatsKey key) {
    return Optional.ofNullable(userStats.get(key));
  }

  @Override
  public Optional<WinStats> community(CommunityStatsKey key) {
    return communityStats.get(key);
  }
}
