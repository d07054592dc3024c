package io.hivemind.replay;

import io.hivemind.replay.log.InputDigest;
import io.hivemind.replay.log.LogEvent;
import io.hivemind.replay.log.LogRange;
import io.hivemind.replay.log.LogRangeFinder;
import io.hivemind.replay.log.MergedLog;
import io.hivemind.replay.log.Source;
import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.report.ReportBuilder;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.Violation;
import io.hivemind.replay.walk.Walk;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A backtest over the live topics: {@link #plan} checks the settings against the log (the range
 * holds events, the symbols are known, the topics can be read) before anything long starts; {@link
 * #run} reads the planned offsets and walks them.
 */
public final class Replay {

  /** A checked replay: its settings and the offsets it will read. */
  public record Plan(ReplaySettings settings, List<LogRange> ranges) {

    public long records() {
      return ranges.stream().mapToLong(LogRange::size).sum();
    }
  }

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

  private final Map<String, Object> connection;
  private final AvroSerdes serdes;
  private final Topics topics;
  private final String codeVersion;

  /**
   * @param connection the Kafka client settings (bootstrap servers and any security settings)
   */
  public Replay(
      Map<String, Object> connection, AvroSerdes serdes, Topics topics, String codeVersion) {
    this.connection = Map.copyOf(connection);
    this.serdes = serdes;
    this.topics = topics;
    this.codeVersion = codeVersion;
  }

  public Plan plan(ReplaySettings settings) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      LogRangeFinder finder = new LogRangeFinder(consumer);
      List<LogRange> ranges =
          List.of(
              finder.find(topics.signals, Source.SIGNALS, settings.from(), settings.to()),
              finder.find(topics.outcomes, Source.OUTCOMES, settings.from(), settings.to()));
      Plan plan = new Plan(settings, ranges);
      if (plan.records() == 0) {
        throw new InvalidSettingsException(
            "from",
            "no signals or outcomes were recorded between "
                + settings.from()
                + " and "
                + settings.to());
      }
      checkSymbols(settings);
      return plan;
    }
  }

  /** A walked plan: every variant's decisions, and what was read. */
  public record Walked(Walk walk, InputCard input) {}

  /**
   * Reads and walks the plan's records, reporting progress about once a second; stops early with a
   * {@link java.util.concurrent.CancellationException} when {@code cancelled} says so.
   */
  public ReplayResult run(Plan plan, Consumer<ReplayProgress> progress, BooleanSupplier cancelled) {
    ReplaySettings settings = plan.settings();
    Walked walked = walk(plan, progress, cancelled);
    Walk walk = walked.walk();
    var report =
        ReportBuilder.report(
            settings,
            codeVersion,
            plan.ranges(),
            walked.input(),
            walk.counts(),
            walk.decisions(),
            walk.challengerVersions());
    return new ReplayResult(
        report,
        ReportBuilder.curves(settings, walk.decisions()),
        walk.decisions(),
        walk.userStats());
  }

  /**
   * Reads the plan's records once, in the live learner's order, and walks every variant of its
   * settings over them side by side: what a replay and a walk-forward optimisation both start from.
   */
  public Walked walk(Plan plan, Consumer<ReplayProgress> progress, BooleanSupplier cancelled) {
    Walk walk = new Walk(plan.settings(), serdes, topics.signals, topics.outcomes);
    InputDigest digest = new InputDigest();
    long total = plan.records();
    long started = System.nanoTime();
    long lastReport = started;
    try (MergedLog log = new MergedLog(consumer(), plan.ranges())) {
      for (LogEvent event = log.next(); event != null; event = log.next()) {
        digest.add(event);
        walk.accept(event);
        long now = System.nanoTime();
        if (now - lastReport >= PROGRESS_EVERY.toNanos()) {
          lastReport = now;
          progress.accept(ReplayProgress.of(digest.records(), total, now - started));
          if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("replay cancelled");
          }
        }
      }
    }
    progress.accept(ReplayProgress.of(digest.records(), total, System.nanoTime() - started));
    return new Walked(walk, new InputCard(digest.records(), digest.sha256()));
  }

  public String codeVersion() {
    return codeVersion;
  }

  /** A symbol is known when the fleet has traded it: the community has statistics for it. */
  private void checkSymbols(ReplaySettings settings) {
    if (settings.symbols().isEmpty()) {
      return;
    }
    Set<String> known;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(new ByteArrayDeserializer())) {
      known = tradedSymbols(consumer);
    }
    List<Violation> unknown = new ArrayList<>();
    for (String symbol : settings.symbols()) {
      if (!known.contains(symbol)) {
        unknown.add(
            new Violation(
                "symbols", "unknown symbol " + symbol + "; the fleet has traded " + known));
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidSettingsException(unknown);
    }
  }

  private Set<String> tradedSymbols(KafkaConsumer<byte[], byte[]> consumer) {
    var keys = serdes.keySerde(CommunityStatsKey.class).deserializer();
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(topics.communityStats, Duration.ofSeconds(30))
        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
    Map<TopicPartition, Long> ends =
        new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Set<String> symbols = new TreeSet<>();
    ends.values().removeIf(end -> end == 0);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!ends.isEmpty() && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        symbols.add(keys.deserialize(record.topic(), record.key()).getSymbol());
      }
      ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
    }
    return symbols;
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return consumer(new StringDeserializer());
  }

  private <K> KafkaConsumer<K, byte[]> consumer(Deserializer<K> keys) {
    Map<String, Object> config = new HashMap<>(connection);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hivemind-replay");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    return new KafkaConsumer<>(config, keys, new ByteArrayDeserializer());
  }
}
