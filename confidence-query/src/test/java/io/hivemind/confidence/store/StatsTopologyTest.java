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
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsTopologyTest {

  private static final Topics TOPICS = Topics.withDefaultPrefix();
  private static final AvroSerdes SERDES = AvroSerdes.withoutRegistry();
  private static final Instant T0 = Instant.parse("2026-11-20T14:32:45.123Z");

  private final Path stateDir =
      Path.of("target", "topology-test-state", UUID.randomUUID().toString());
  private CommunityStats community;
  private Topology topology;
  private TopologyTestDriver driver;
  private TestInputTopic<StatsKey, WinStats> userStats;
  private TestInputTopic<CommunityStatsKey, WinStats> communityStats;

  @BeforeEach
  void startDriver() {
    community = new CommunityStats();
    topology = new StatsTopology(SERDES, TOPICS, community).build();
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
  void shouldKeepTheLatestCommunityStatsPerKeyInTheStoreAndTheView() {
    CommunityStatsKey key = new CommunityStatsKey("ES", Side.LONG, 1, "v1/mid");
    CommunityStatsKey other = new CommunityStatsKey("ES", Side.SHORT, 1, "v1/mid");
    communityStats.pipeInput(key, stats(100, 60));
    communityStats.pipeInput(key, stats(101, 61));

    KeyValueStore<CommunityStatsKey, WinStats> store =
        driver.getKeyValueStore(StatsTopology.COMMUNITY_STATS_STORE);
    assertThat(store.get(key)).isEqualTo(stats(101, 61));
    assertThat(store.get(other)).isNull();
    assertThat(community.get(key)).contains(stats(101, 61));
    assertThat(community.get(other)).isEmpty();
    assertThat(community.size()).isEqualTo(1);
  }

  @Test
  void shouldForgetACommunityStatisticItsTombstoneDeletes() {
    CommunityStatsKey key = new CommunityStatsKey("NQ", Side.LONG, 0, "v1");
    communityStats.pipeInput(key, stats(7, 3));
    communityStats.pipeInput(key, (WinStats) null);

    KeyValueStore<CommunityStatsKey, WinStats> store =
        driver.getKeyValueStore(StatsTopology.COMMUNITY_STATS_STORE);
    assertThat(store.get(key)).isNull();
    assertThat(community.get(key)).isEmpty();
  }

  @Test
  void shouldMakeTheViewWhatTheStoreHoldsWhenItsUpdaterStarts() {
    // a restart finds the global store restored from its own files up to the checkpoint, without
    // those records replayed through the updater: it reads the view from the store
    CommunityStatsKey kept = new CommunityStatsKey("ES", Side.LONG, 0, "v1");
    CommunityStatsKey gone = new CommunityStatsKey("ES", Side.SHORT, 0, "v1");
    KeyValueStore<CommunityStatsKey, WinStats> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StatsTopology.COMMUNITY_STATS_STORE),
                SERDES.keySerde(CommunityStatsKey.class),
                SERDES.valueSerde(WinStats.class))
            .withLoggingDisabled()
            .build();
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    store.put(kept, stats(40, 22));
    CommunityStats view = new CommunityStats();
    Processor<CommunityStatsKey, WinStats, Void, Void> earlier =
        view.updater(StatsTopology.COMMUNITY_STATS_STORE);
    earlier.init(context);
    earlier.process(new Record<>(gone, stats(5, 1), 0L));
    store.delete(gone); // as if deleted by a run whose updater this view never saw

    view.updater(StatsTopology.COMMUNITY_STATS_STORE).init(context);

    assertThat(view.get(kept)).contains(stats(40, 22));
    assertThat(view.get(gone)).isEmpty();
    assertThat(view.size()).isEqualTo(1);
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
