package io.hivemind.control.kafka;

import io.hivemind.control.domain.AuditRecord;
import io.hivemind.control.domain.Scope;
import io.hivemind.schema.ControlCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the latest commands back from hivemind.audit, newest first. */
public final class AuditTrail {

  private final Map<String, Object> connection;
  private final String topic;
  private final Deserializer<ControlCommand> values;
  private final Duration timeout;

  public AuditTrail(
      Map<String, Object> connection,
      String topic,
      Deserializer<ControlCommand> values,
      Duration timeout) {
    this.connection = connection;
    this.topic = topic;
    this.values = values;
    this.timeout = timeout;
  }

  /** Up to {@code limit} of the latest committed commands, newest first. */
  public List<AuditRecord> latest(int limit) {
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<AuditRecord> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
      for (TopicPartition partition : partitions) {
        consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - limit));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + topic);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null) {
            records.add(toDomain(values.deserialize(topic, record.value())));
          }
        }
      }
    }
    records.sort(Comparator.comparing(AuditRecord::issuedAt).reversed());
    return records.size() > limit ? List.copyOf(records.subList(0, limit)) : records;
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private static AuditRecord toDomain(ControlCommand command) {
    return new AuditRecord(
        command.getCommandId(),
        command.getCommand(),
        Scope.parse(command.getScope()),
        command.getActor(),
        command.getReason(),
        command.getIssuedAt(),
        Optional.ofNullable(command.getBefore()).map(ControlCodec::fromAvro),
        ControlCodec.fromAvro(command.getAfter()));
  }
}
