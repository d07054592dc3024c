package io.hivemind.confidence.store;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.ExplicitlyNamed;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.WinStats;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The read model: the learner's statistics materialized for interactive queries. A user's stats are
 * a KTable, so each instance holds the partitions it owns (the learner partitions them by user);
 * the community's stats are a GlobalKTable, so every instance can answer for any pattern.
 */
public final class StatsTopology {

  public static final String USER_STATS_STORE = "user-stats-store";
  public static final String COMMUNITY_STATS_STORE = "community-stats-store";
  // Kafka Streams names a table's processor after these and its source node "<name>-source".
  static final String USER_STATS_TABLE = "user-stats-table";
  static final String COMMUNITY_STATS_TABLE = "community-stats-table";

  private final AvroSerdes serdes;
  private final Topics topics;

  public StatsTopology(AvroSerdes serdes, Topics topics) {
    this.serdes = serdes;
    this.topics = topics;
  }

  public Topology build() {
    StreamsBuilder builder = ExplicitlyNamed.streamsBuilder();
    builder.table(
        topics.userStats,
        Consumed.with(serdes.keySerde(StatsKey.class), winStats()).withName(USER_STATS_TABLE),
        Materialized.<StatsKey, WinStats, KeyValueStore<Bytes, byte[]>>as(USER_STATS_STORE)
            .withKeySerde(serdes.keySerde(StatsKey.class))
            .withValueSerde(winStats())
            // Each update goes to the changelog as it is applied, not at the next commit: the
            // standbys follow within a fetch, and their lag is what a stale answer reports (ADR
            // 17).
            .withCachingDisabled());
    builder.globalTable(
        topics.communityStats,
        Consumed.with(serdes.keySerde(CommunityStatsKey.class), winStats())
            .withName(COMMUNITY_STATS_TABLE),
        Materialized.<CommunityStatsKey, WinStats, KeyValueStore<Bytes, byte[]>>as(
                COMMUNITY_STATS_STORE)
            .withKeySerde(serdes.keySerde(CommunityStatsKey.class))
            .withValueSerde(winStats()));
    return builder.build();
  }

  private Serde<WinStats> winStats() {
    return serdes.valueSerde(WinStats.class);
  }
}
