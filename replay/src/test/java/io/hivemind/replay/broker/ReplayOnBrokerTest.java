package io.hivemind.replay.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.learner.topology.LearnerTopology;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayOutput;
import io.hivemind.replay.ReplayProgress;
import io.hivemind.replay.ReplayResult;
import io.hivemind.replay.report.ReportJson;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.SettingsValidator;
import io.hivemind.replay.settings.Violation;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.WinStats;
import io.hivemind.testkit.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live learner (its own topology, exactly-once, on a real broker) learns a log with retries,
 * outcomes before signals, lone outcomes and poison; then replays of the same topics must agree
 * with what it wrote, byte for byte where they say so.
 */
class ReplayOnBrokerTest {

  private static final KafkaStack STACK = KafkaStack.shared();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final Topics TOPICS = new Topics("replay-" + RUN + ".");
  private static final String LEARNER_ID = "replay-test-learner-" + RUN;
  private static final int PARTITIONS = 3;

  private static AvroSerdes serdes;
  private static LiveLog log;
  private static KafkaStreams learner;
  private static Replay replay;

  @BeforeAll
  static void liveLearnerLearnsTheLog(@TempDir Path stateDir) throws Exception {
    serdes = AvroSerdes.registry(STACK.registryUrl());
    STACK.createTopics(TOPICS, PARTITIONS);
    log =
        new LiveLog(
            TOPICS,
            STACK.bootstrapServers(),
            serdes,
            Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS));
    log.write();
    learner = startLearner(stateDir);
    Awaitility.await("the live learner has processed every record")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(ReplayOnBrokerTest::learnerCaughtUp);
    replay =
        new Replay(
            Map.of("bootstrap.servers", STACK.bootstrapServers()), serdes, TOPICS, "test-version");
  }

  @AfterAll
  static void stopLearner() {
    if (learner != null) {
      learner.close(Duration.ofSeconds(10));
    }
  }

  @Test
  void replayingTheWholeLogWithLiveSettingsEndsWithLiveUserStats() {
    ReplayResult result = replay.run(replay.plan(wholeLog(List.of())), progress -> {}, () -> false);

    Map<StatsKey, WinStats> live = liveUserStats();
    assertThat(live).hasSizeGreaterThan(LiveLog.USERS * 3);
    assertThat(result.userStats().get(0)).isEqualTo(live);
    assertThat(result.report().walk().unreadable()).isEqualTo(1);
    assertThat(result.report().walk().retriedSignals()).isPositive();
    assertThat(result.report().walk().records()).isEqualTo(log.size());
    // the flooder's outcomes over the cap: dead-lettered live, skipped by the replay alike
    assertThat(result.report().walk().outcomesOverWaitingCap()).isEqualTo(LiveLog.OVER_CAP);
    assertThat((long) live.get(new StatsKey(LiveLog.FLOODER, "ES", Side.LONG, 0, "v1")).getTrades())
        .isEqualTo(ReplaySettings.LIVE_MAX_WAITING_OUTCOMES_PER_USER);
  }

  @Test
  void twoRunsWithTheSameSettingsWriteTheSameBytes(@TempDir Path first, @TempDir Path second)
      throws Exception {
    ReplaySettings settings = wholeLog(List.of(0.45, 0.5, 0.55));
    ReplayResult one = replay.run(replay.plan(settings), progress -> {}, () -> false);
    ReplayResult two = replay.run(replay.plan(settings), progress -> {}, () -> false);
    ReplayOutput.write(settings, one, first);
    ReplayOutput.write(settings, two, second);

    for (String file :
        List.of(ReplayOutput.REPORT_JSON, ReplayOutput.REPORT_HTML, ReplayOutput.DECISIONS_CSV)) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file).isEqualTo(-1L);
    }
    var report = ReportJson.parse(Files.readString(first.resolve(ReplayOutput.REPORT_JSON)));
    assertThat(report.run().input().records()).isEqualTo(log.size());
    assertThat(report.run().topics())
        .extracting(range -> range.topic())
        .containsExactly(TOPICS.signals, TOPICS.outcomes);
    assertThat(report.results().get(0).thresholds()).hasSize(3);
    assertThat(report.results().get(0).live().trades()).isPositive();
  }

  @Test
  void replayReadsWithoutAConsumerGroup() throws Exception {
    List<String> before = groups();
    replay.run(replay.plan(wholeLog(List.of())), progress -> {}, () -> false);
    assertThat(groups()).isEqualTo(before);
  }

  @Test
  void aWalkForwardReadsTheRangeOnceWithoutAGroupAndWritesTheSameBytesTwice(
      @TempDir Path first, @TempDir Path second) throws Exception {
    WalkForwardSettings settings =
        WalkForwardValidator.validate(
            new WalkForwardRequest(
                log.start.toString(),
                log.end.plusSeconds(1).toString(),
                null,
                null,
                "5m",
                "5m",
                null,
                "anchored",
                List.of(0.45, 0.5, 0.55),
                List.of("1d", "30d"),
                null,
                null,
                null,
                0,
                null));
    WalkForwardReplay walkForward = new WalkForwardReplay(replay);
    List<String> before = groups();
    List<ReplayProgress> progress = new ArrayList<>();

    WalkForwardReplay.Result one =
        walkForward.run(walkForward.plan(settings), progress::add, () -> false);
    WalkForwardReplay.Result two =
        walkForward.run(walkForward.plan(settings), update -> {}, () -> false);
    ReplayOutput.write(one, first);
    ReplayOutput.write(two, second);

    assertThat(groups()).isEqualTo(before);
    assertThat(progress).last().extracting(ReplayProgress::read).isEqualTo((long) log.size());
    assertThat(one.report().run().input().records()).isEqualTo(log.size());
    assertThat(one.report().windows()).hasSize(settings.windows().size());
    assertThat(one.report().walk().signalsReported()).isPositive();
    for (String file : List.of(ReplayOutput.REPORT_JSON, ReplayOutput.REPORT_HTML)) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file).isEqualTo(-1L);
    }
  }

  @Test
  void anEmptyRangeIsRefusedBeforeAnythingIsRead() {
    ReplaySettings empty =
        SettingsValidator.validate(
            new ReplayRequest("2020-01-01", "2020-02-01", null, null, null, null, null, null));
    assertThatThrownBy(() -> replay.plan(empty))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("no signals or outcomes were recorded between");
  }

  @Test
  void aSymbolTheFleetNeverTradedIsRefused() {
    ReplaySettings settings =
        SettingsValidator.validate(
            new ReplayRequest(
                log.start.toString(),
                log.end.plusSeconds(1).toString(),
                null,
                List.of("ES", "ZZ"),
                null,
                null,
                null,
                null));
    assertThatThrownBy(() -> replay.plan(settings))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::message)
                    .singleElement()
                    .asString()
                    .contains("unknown symbol ZZ", "NQ"));
  }

  @Test
  void aTopicThatDoesNotExistIsRefused() {
    Replay elsewhere =
        new Replay(
            Map.of("bootstrap.servers", STACK.bootstrapServers()),
            serdes,
            new Topics("no-such-" + RUN + "."),
            "test-version");
    assertThatThrownBy(() -> elsewhere.plan(wholeLog(List.of())))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("does not exist");
  }

  private static ReplaySettings wholeLog(List<Double> thresholds) {
    return SettingsValidator.validate(
        new ReplayRequest(
            log.start.toString(),
            log.end.plusSeconds(1).toString(),
            null,
            null,
            thresholds,
            null,
            null,
            null));
  }

  private static KafkaStreams startLearner(Path stateDir) {
    LearnerSettings settings =
        new LearnerSettings(
            ReplaySettings.LIVE_JOIN_HORIZON,
            ReplaySettings.LIVE_HALF_LIFE,
            PatternScheme.v1(),
            LearnerSettings.DEFAULT_COMMUNITY_CAP_PER_DAY,
            ReplaySettings.LIVE_MAX_WAITING_OUTCOMES_PER_USER,
            ReplaySettings.LIVE_RETRY_HORIZON);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, LEARNER_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    KafkaStreams streams =
        new KafkaStreams(new LearnerTopology(serdes, TOPICS, settings).build(), props);
    streams.start();
    return streams;
  }

  private static boolean learnerCaughtUp() throws Exception {
    try (Admin admin = STACK.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(LEARNER_ID).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (String topic : List.of(TOPICS.signals, TOPICS.outcomes)) {
        for (int p = 0; p < PARTITIONS; p++) {
          latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
      }
      var ends = admin.listOffsets(latest).all().get();
      for (var end : ends.entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        if (end.getValue().offset() > 0 && (at == null || at.offset() < end.getValue().offset())) {
          return false;
        }
      }
      return true;
    }
  }

  /** The latest value of every key in the live {@code user-stats} topic, as readers see it. */
  private static Map<StatsKey, WinStats> liveUserStats() {
    var keys = serdes.keySerde(StatsKey.class).deserializer();
    var values = serdes.valueSerde(WinStats.class).deserializer();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            STACK.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    Map<StatsKey, WinStats> stats = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(TOPICS.userStats)
          .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Awaitility.await("user-stats read to its end")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  stats.put(
                      keys.deserialize(record.topic(), record.key()),
                      values.deserialize(record.topic(), record.value()));
                }
                return partitions.stream()
                    .allMatch(partition -> consumer.position(partition) >= ends.get(partition));
              });
    }
    return stats;
  }

  private static List<String> groups() throws Exception {
    try (Admin admin = STACK.admin()) {
      return admin.listConsumerGroups().all().get().stream()
          .map(ConsumerGroupListing::groupId)
          .sorted()
          .toList();
    }
  }
}
