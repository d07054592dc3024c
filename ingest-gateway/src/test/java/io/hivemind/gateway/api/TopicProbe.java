package io.hivemind.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.testkit.KafkaStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads what the gateway wrote, the way any consumer would: a real consumer with the registry's
 * deserializer, which looks the writer schema up by the id in each record. No consumer group:
 * partitions are assigned and offsets chosen by the test.
 */
final class TopicProbe implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(15);

  private final KafkaConsumer<String, SpecificRecord> consumer;

  TopicProbe() {
    KafkaStack stack = KafkaStack.shared();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            AvroSerdes.registry(stack.registryUrl())
                .valueSerde(SpecificRecord.class)
                .deserializer());
  }

  /** The next offset of every partition of the given topics. */
  Map<TopicPartition, Long> endOffsets(String... topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic, WAIT)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    return new HashMap<>(consumer.endOffsets(partitions, WAIT));
  }

  /** How many records were appended to {@code topic} between two {@link #endOffsets} readings. */
  static long appended(
      String topic, Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
    return after.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic))
        .mapToLong(e -> e.getValue() - before.get(e.getKey()))
        .sum();
  }

  /** The record at exactly this position, waiting (bounded) until it can be read. */
  ConsumerRecord<String, SpecificRecord> recordAt(String topic, int partition, long offset) {
    TopicPartition tp = new TopicPartition(topic, partition);
    consumer.assign(List.of(tp));
    consumer.seek(tp, offset);
    List<ConsumerRecord<String, SpecificRecord>> found = new ArrayList<>();
    Awaitility.await("record " + tp + "@" + offset)
        .atMost(WAIT)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).records(tp).stream()
                  .filter(r -> r.offset() == offset)
                  .forEach(found::add);
              return !found.isEmpty();
            });
    return found.get(0);
  }

  /** Every record of {@code topic} from the given offsets on, until {@code count} were read. */
  List<ConsumerRecord<String, SpecificRecord>> recordsFrom(
      String topic, Map<TopicPartition, Long> from, int count) {
    List<TopicPartition> partitions =
        from.keySet().stream().filter(tp -> tp.topic().equals(topic)).toList();
    consumer.assign(partitions);
    partitions.forEach(tp -> consumer.seek(tp, from.get(tp)));
    List<ConsumerRecord<String, SpecificRecord>> read = new ArrayList<>();
    Awaitility.await(count + " records on " + topic)
        .atMost(WAIT)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(read::add);
              return read.size() >= count;
            });
    assertThat(read).hasSize(count);
    return read;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
