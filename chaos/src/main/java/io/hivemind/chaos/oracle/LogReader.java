package io.hivemind.chaos.oracle;

import io.hivemind.chaos.oracle.LogSnapshot.CommunityKey;
import io.hivemind.chaos.oracle.LogSnapshot.Counts;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedExperience;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedOutcome;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedSignal;
import io.hivemind.chaos.oracle.LogSnapshot.UserKey;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.KafkaEnvironment;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.WinStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the topics the oracle judges by: every committed record from the beginning to the end (the
 * last stable offset), with a consumer of its own (no group), through the project's Avro serdes and
 * the registry. The learner's code is not involved.
 */
public final class LogReader {

  private final KafkaEnvironment kafka;
  private final AvroSerdes serdes;
  private final Duration timeout;

  public LogReader(KafkaEnvironment kafka, String registryApi, Duration timeout) {
    this.kafka = kafka;
    this.serdes = AvroSerdes.registry(registryApi);
    this.timeout = timeout;
  }

  public LogSnapshot read() {
    Deserializer<Signal> signals = serdes.valueSerde(Signal.class).deserializer();
    Deserializer<TradeOutcome> outcomes = serdes.valueSerde(TradeOutcome.class).deserializer();
    Deserializer<Experience> experiences = serdes.valueSerde(Experience.class).deserializer();
    Deserializer<StatsKey> statsKeys = serdes.keySerde(StatsKey.class).deserializer();
    Deserializer<CommunityStatsKey> communityKeys =
        serdes.keySerde(CommunityStatsKey.class).deserializer();
    Deserializer<WinStats> stats = serdes.valueSerde(WinStats.class).deserializer();
    List<LoggedSignal> loggedSignals = new ArrayList<>();
    read(
        kafka.topics().signals,
        r -> {
          Signal s = signals.deserialize(r.topic(), r.value());
          loggedSignals.add(new LoggedSignal(s.getUserId(), s.getSignalId()));
        });
    List<LoggedOutcome> loggedOutcomes = new ArrayList<>();
    read(
        kafka.topics().outcomes,
        r -> {
          TradeOutcome o = outcomes.deserialize(r.topic(), r.value());
          loggedOutcomes.add(
              new LoggedOutcome(
                  o.getUserId(),
                  o.getSignalId(),
                  o.getSymbol(),
                  o.getSide().name(),
                  o.getPnl(),
                  o.getExitTime(),
                  o.getPrivateUser()));
        });
    List<LoggedExperience> loggedExperiences = new ArrayList<>();
    read(
        kafka.topics().experiences,
        r -> {
          Experience e = experiences.deserialize(r.topic(), r.value());
          loggedExperiences.add(
              new LoggedExperience(e.getUserId(), e.getSignalId(), e.getSignalMatched()));
        });
    Map<UserKey, Counts> users = new HashMap<>();
    read(
        kafka.topics().userStats,
        r -> {
          StatsKey key = statsKeys.deserialize(r.topic(), r.key());
          if (key.getLevel() != 0) {
            return;
          }
          UserKey user = new UserKey(key.getUserId(), key.getSymbol(), key.getSide().name());
          if (r.value() == null) {
            users.remove(user);
          } else {
            WinStats value = stats.deserialize(r.topic(), r.value());
            users.put(user, new Counts(value.getTrades(), value.getWins()));
          }
        });
    Map<CommunityKey, Counts> community = new HashMap<>();
    read(
        kafka.topics().communityStats,
        r -> {
          CommunityStatsKey key = communityKeys.deserialize(r.topic(), r.key());
          if (key.getLevel() != 0) {
            return;
          }
          CommunityKey pattern = new CommunityKey(key.getSymbol(), key.getSide().name());
          if (r.value() == null) {
            community.remove(pattern);
          } else {
            WinStats value = stats.deserialize(r.topic(), r.value());
            community.put(pattern, new Counts(value.getTrades(), value.getWins()));
          }
        });
    return new LogSnapshot(loggedSignals, loggedOutcomes, loggedExperiences, users, community);
  }

  /** Every committed record of {@code topic}, partition by partition in offset order. */
  private void read(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Map<String, Object> settings = new HashMap<>(kafka.connection());
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic, timeout)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      for (TopicPartition partition : partitions) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(partition, timeout) < end) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                String.format(
                    Locale.ROOT,
                    "could not read %s to its end offset %d within %s",
                    partition,
                    end,
                    timeout));
          }
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.offset() < end) {
              each.accept(record);
            }
          }
        }
      }
    }
  }
}
