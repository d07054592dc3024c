package io.hivemind.confidence.store;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.ExplicitlyNamed;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.WinStats;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The read model: the learner's statistics materialized for interactive queries. A user's stats are
 * a KTable, so each instance holds the partitions it owns (the learner partitions them by user);
 * the community's stats are a global store, so every instance can answer for any pattern, and the
 * global thread keeps them decoded in memory too ({@link CommunityStats}).
 */
public final class StatsTopology {

  public static final String USER_STATS_STORE = "user-stats-store";
  public static final String COMMUNITY_STATS_STORE = "community-stats-store";
  // Kafka Streams names a table's processor after these and its source node "<name>-source".
  static final String USER_STATS_TABLE = "user-stats-table";
  static final String COMMUNITY_STATS_TABLE = "community-stats-table";

  /**
   * {@code topology.optimization=all}: the compacted user-stats topic is the user-stats store's
   * changelog. An instance restores from it in bulk and never writes each row a second time into a
   * {@code …-user-stats-store-changelog} of its own (BENCHMARKS.md, restore). The same setting is
   * in application.properties, where the running application reads it.
   */
  static Properties optimized() {
    Properties properties = new Properties();
    properties.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    return properties;
  }

  private final AvroSerdes serdes;
  private final Topics topics;
  private final CommunityStats community;

  /**
   * @param community the view the built topology keeps of the community's statistics: one per
   *     running topology
   */
  public StatsTopology(AvroSerdes serdes, Topics topics, CommunityStats community) {
    this.serdes = serdes;
    this.topics = topics;
    this.community = community;
  }

  public Topology build() {
    StreamsBuilder builder = ExplicitlyNamed.streamsBuilder();
    builder.table(
        topics.userStats,
        Consumed.with(serdes.keySerde(StatsKey.class), winStats()).withName(USER_STATS_TABLE),
        Materialized.<StatsKey, WinStats, KeyValueStore<Bytes, byte[]>>as(USER_STATS_STORE)
            .withKeySerde(serdes.keySerde(StatsKey.class))
            .withValueSerde(winStats())
            // Each update reaches the store as it is read, not at the next commit: what a standby
            // (which follows the same topic) lags by is what a stale answer reports (ADR 17).
            .withCachingDisabled());
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(COMMUNITY_STATS_STORE),
                serdes.keySerde(CommunityStatsKey.class),
                winStats())
            // a global store's changelog is its source topic
            .withLoggingDisabled(),
        topics.communityStats,
        Consumed.with(serdes.keySerde(CommunityStatsKey.class), winStats())
            .withName(COMMUNITY_STATS_TABLE),
        () -> community.updater(COMMUNITY_STATS_STORE));
    return builder.build(optimized());
  }

  private Serde<WinStats> winStats() {
    return serdes.valueSerde(WinStats.class);
  }
}
