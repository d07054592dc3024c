package io.hivemind.confidence.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.WinStats;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsTopologyTest {

  private static final Topics TOPICS = Topics.withDefaultPrefix();
  private static final AvroSerdes SERDES = AvroSerdes.withoutRegistry();
  private static final Instant T0 = Instant.parse("2026-11-20T14:32:45.123Z");

  private Topology topology;
  private TopologyTestDriver driver;
  private TestInputTopic<StatsKey, WinStats> userStats;
  private TestInputTopic<CommunityStatsKey, WinStats> communityStats;

  @BeforeEach
  void startDriver() {
    topology = new StatsTopology(SERDES, TOPICS).build();
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "stats-topology-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(
        StreamsConfig.STATE_DIR_CONFIG,
        Path.of("target", "topology-test-state", UUID.randomUUID().toString()).toString());
    driver = new TopologyTestDriver(topology, config);
    userStats =
        driver.createInputTopic(
            TOPICS.userStats,
            SERDES.keySerde(StatsKey.class).serializer(),
            SERDES.valueSerde(WinStats.class).serializer());
    communityStats =
        driver.createInputTopic(
            TOPICS.communityStats,
            SERDES.keySerde(CommunityStatsKey.class).serializer(),
            SERDES.valueSerde(WinStats.class).serializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldKeepTheLatestUserStatsPerKey() {
    StatsKey key = new StatsKey("a1b2c3d4e5f6", "ES", Side.LONG, 0, "v1");
    StatsKey other = new StatsKey("a1b2c3d4e5f6", "ES", Side.SHORT, 0, "v1");
    userStats.pipeInput(key, stats(1, 1));
    userStats.pipeInput(other, stats(3, 0));
    userStats.pipeInput(key, stats(2, 1));

    Map<StatsKey, WinStats> stored = new HashMap<>();
    try (KeyValueIterator<StatsKey, ValueAndTimestamp<WinStats>> all =
        driver
            .<StatsKey, WinStats>getTimestampedKeyValueStore(StatsTopology.USER_STATS_STORE)
            .all()) {
      all.forEachRemaining(entry -> stored.put(entry.key, entry.value.value()));
    }
    assertThat(stored).isEqualTo(Map.of(key, stats(2, 1), other, stats(3, 0)));
  }

  @Test
  void shouldRestoreTheUserStatsStoreFromItsSourceTopicWithoutASecondCopy() {
    userStats.pipeInput(new StatsKey("a1b2c3d4e5f6", "ES", Side.LONG, 0, "v1"), stats(1, 1));

    // topology.optimization=all: the compacted user-stats topic is the store's changelog, so an
    // instance restores from it and never writes each row a second time (issue 18)
    assertThat(driver.producedTopicNames()).isEmpty();
    assertThat(topology.describe().toString()).doesNotContain("changelog");
  }

  @Test
  void shouldKeepTheLatestCommunityStatsPerKey() {
    CommunityStatsKey key = new CommunityStatsKey("ES", Side.LONG, 1, "v1/mid");
    communityStats.pipeInput(key, stats(100, 60));
    communityStats.pipeInput(key, stats(101, 61));

    KeyValueStore<CommunityStatsKey, ValueAndTimestamp<WinStats>> store =
        driver.getTimestampedKeyValueStore(StatsTopology.COMMUNITY_STATS_STORE);
    assertThat(store.get(key).value()).isEqualTo(stats(101, 61));
    assertThat(store.get(new CommunityStatsKey("ES", Side.SHORT, 1, "v1/mid"))).isNull();
  }

  @Test
  void shouldNameEverySourceAndProcessorItself() {
    TopologyDescription description = topology.describe();

    assertThat(description.toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    assertThat(description.toString())
        .contains("Source: " + StatsTopology.USER_STATS_TABLE + "-source")
        .contains("Processor: " + StatsTopology.USER_STATS_TABLE + " (stores: [user-stats-store])")
        .contains("Source: " + StatsTopology.COMMUNITY_STATS_TABLE + "-source")
        .contains(
            "Processor: "
                + StatsTopology.COMMUNITY_STATS_TABLE
                + " (stores: [community-stats-store])");
    assertThat(description.globalStores()).hasSize(1);
  }

  private static WinStats stats(long trades, long wins) {
    return new WinStats(
        trades,
        wins,
        trades - wins,
        10.0 * wins,
        100.0 * wins,
        (int) wins,
        (int) wins,
        T0,
        wins * 0.9,
        trades * 0.9,
        0);
  }
}
