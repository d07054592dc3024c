package io.hivemind.bench.restore;

import io.hivemind.bench.backlog.BenchFiles;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.ExplicitlyNamed;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.WinStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The proposed change, measured in this JVM: confidence-query's read model (the same two tables,
 * store names, serdes and consumer settings as its {@code StatsTopology}) built with {@code
 * topology.optimization=reuse.ktable.source.topics}, so the user-stats topic itself is the store's
 * changelog: an empty instance restores it in bulk (not queryable meanwhile) instead of
 * re-processing it record by record and writing a second copy into a changelog topic.
 */
final class OptimizedTableRestore {

  /**
   * One start: seconds to RUNNING and to the probe user's full record; the internal topics. A first
   * start with a new application id has no committed offsets to restore up to, so it processes the
   * topic like the service does; a second start with the same id and empty local state restores
   * from the topic in bulk.
   */
  record Result(double running, double fullRecord, String changelogs) {}

  private OptimizedTableRestore() {}

  static Result run(
      String bootstrap,
      String registryApi,
      Topics topics,
      String applicationId,
      String probeUser,
      String probeSymbol,
      long probeTrades,
      Duration timeout,
      io.hivemind.bench.backlog.BenchTopics admin,
      java.util.function.Supplier<String> internalTopics)
      throws Exception {
    AvroSerdes serdes = AvroSerdes.registry(registryApi);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    Path stateDir = Files.createTempDirectory("hivemind-bench-restore-");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // confidence-query's application.properties
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.consumerPrefix("isolation.level"), "read_committed");
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    // the change
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);

    StreamsBuilder builder = ExplicitlyNamed.streamsBuilder();
    builder.table(
        topics.userStats,
        Consumed.with(serdes.keySerde(StatsKey.class), serdes.valueSerde(WinStats.class))
            .withName("user-stats-table"),
        Materialized.<StatsKey, WinStats, KeyValueStore<Bytes, byte[]>>as("user-stats-store")
            .withKeySerde(serdes.keySerde(StatsKey.class))
            .withValueSerde(serdes.valueSerde(WinStats.class)));
    builder.globalTable(
        topics.communityStats,
        Consumed.with(serdes.keySerde(CommunityStatsKey.class), serdes.valueSerde(WinStats.class))
            .withName("community-stats-table"),
        Materialized.<CommunityStatsKey, WinStats, KeyValueStore<Bytes, byte[]>>as(
                "community-stats-store")
            .withKeySerde(serdes.keySerde(CommunityStatsKey.class))
            .withValueSerde(serdes.valueSerde(WinStats.class)));

    long started = System.nanoTime();
    KafkaStreams streams = new KafkaStreams(builder.build(props), props);
    double running = Double.NaN;
    double full = Double.NaN;
    String changelogs;
    try {
      streams.start();
      long deadline = started + timeout.toNanos();
      long lastNote = started;
      while (System.nanoTime() < deadline) {
        if (streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException("the optimized read model failed");
        }
        if (streams.state() == KafkaStreams.State.RUNNING) {
          if (Double.isNaN(running)) {
            running = (System.nanoTime() - started) / 1e9;
            System.out.printf("  %-22s %6.2f s  RUNNING (restored)%n", "optimized", running);
          }
          try {
            ReadOnlyKeyValueStore<StatsKey, WinStats> store =
                streams.store(
                    StoreQueryParameters.fromNameAndType(
                        "user-stats-store",
                        QueryableStoreTypes.<StatsKey, WinStats>keyValueStore()));
            long trades = 0;
            for (Side side : Side.values()) {
              WinStats stats = store.get(new StatsKey(probeUser, probeSymbol, side, 0, "v1"));
              trades += stats == null ? 0 : stats.getTrades();
            }
            if (trades == probeTrades) {
              full = (System.nanoTime() - started) / 1e9;
              System.out.printf(
                  "  %-22s %6.2f s  store holds the probe user's full record%n", "optimized", full);
              break;
            }
          } catch (RuntimeException e) {
            // not queryable yet
          }
        }
        if (System.nanoTime() - lastNote > 5_000_000_000L) {
          lastNote = System.nanoTime();
          System.out.printf(
              "  %-22s %6.1f s  %s%n",
              "optimized", (System.nanoTime() - started) / 1e9, streams.state());
        }
        Thread.sleep(20);
      }
      // a first start commits what it processed: wait for all of it, so the next start restores
      // the whole topic
      RestoreBenchmark.waitForCommitted(admin, applicationId, topics.userStats, timeout);
      changelogs = internalTopics.get();
    } finally {
      streams.close(Duration.ofSeconds(30));
      streams.cleanUp();
      BenchFiles.deleteRecursively(stateDir);
    }
    if (Double.isNaN(full)) {
      throw new IllegalStateException("the optimized read model did not restore within " + timeout);
    }
    return new Result(running, full, changelogs);
  }
}
