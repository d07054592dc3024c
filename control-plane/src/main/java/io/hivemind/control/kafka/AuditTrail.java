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
    if (limit <= 0) {
      return List.of();
    }
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    List<Read> reads = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      for (TopicPartition partition : partitions) {
        reads.addAll(
            latestOf(
                consumer, partition, begins.get(partition), ends.get(partition), limit, deadline));
      }
    }
    // Newest first; commands stamped in the same millisecond in the order they were applied.
    reads.sort(
        Comparator.comparing((Read read) -> read.record().issuedAt())
            .thenComparingLong(Read::offset)
            .reversed());
    return reads.stream().limit(limit).map(Read::record).toList();
  }

  /**
   * At least {@code limit} of the partition's latest commands, or all it holds. Every command is a
   * transaction of its own, and its commit marker takes an offset too (an aborted one takes more):
   * the last {@code limit} offsets hold fewer than {@code limit} commands, so the window reaches
   * back, doubling, until it holds enough or starts at the beginning.
   */
  private List<Read> latestOf(
      KafkaConsumer<String, byte[]> consumer,
      TopicPartition partition,
      long begin,
      long end,
      int limit,
      long deadline) {
    List<Read> found = new ArrayList<>();
    long to = end;
    long span = 2L * limit;
    while (found.size() < limit && to > begin) {
      long from = Math.max(begin, to - span);
      found.addAll(read(consumer, partition, from, to, deadline));
      to = from;
      span *= 2;
    }
    return found;
  }

  /** The commands at offsets {@code from} (inclusive) to {@code to} of one partition. */
  private List<Read> read(
      KafkaConsumer<String, byte[]> consumer,
      TopicPartition partition,
      long from,
      long to,
      long deadline) {
    List<Read> reads = new ArrayList<>();
    consumer.assign(List.of(partition));
    consumer.seek(partition, from);
    while (consumer.position(partition) < to) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out reading " + topic);
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (record.offset() < to && record.value() != null) {
          reads.add(new Read(toDomain(values.deserialize(topic, record.value())), record.offset()));
        }
      }
    }
    return reads;
  }

  private record Read(AuditRecord record, long offset) {}

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
