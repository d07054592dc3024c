package io.hivemind.learner.app;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import io.hivemind.testkit.KafkaStack;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The clients the learner's service tests feed it and read it with, as other services do. */
final class LearnerClients {

  private LearnerClients() {}

  private static KafkaStack stack() {
    return KafkaStack.shared();
  }

  private static AvroSerdes serdes() {
    return AvroSerdes.registry(stack().registryUrl());
  }

  /** Avro records through the registry, acknowledged by every replica, as the gateway sends. */
  static KafkaProducer<String, SpecificRecord> avroProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        serdes().valueSerde(SpecificRecord.class).serializer());
  }

  /** Bytes that need not be a record at all. */
  static KafkaProducer<String, byte[]> rawProducer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack().bootstrapServers()),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /** The learner's committed user statistics, from the beginning, in a group of its own. */
  static KafkaConsumer<StatsKey, WinStats> statsConsumer() {
    return new KafkaConsumer<>(
        consumerConfig(),
        serdes().keySerde(StatsKey.class).deserializer(),
        serdes().valueSerde(WinStats.class).deserializer());
  }

  static KafkaConsumer<String, byte[]> rawConsumer() {
    return new KafkaConsumer<>(
        consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack().bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "learner-test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }
}
