package io.hivemind.bench.learner;

import io.hivemind.bench.backlog.CpuMeter;
import io.hivemind.bench.backlog.Progress;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The floor under the learner: one plain consumer (no group) reading both input topics end to end
 * and deserializing every value with the project's Avro serde, as the learner's decode step does
 * (and the replay's walk).
 */
public final class ConsumerBaseline {

  private ConsumerBaseline() {}

  /** Returns {events/s, events per CPU-second of this JVM}. */
  public static double[] run(
      String bootstrap,
      AvroSerdes serdes,
      Topics topics,
      Map<TopicPartition, Long> ends,
      Path hivemindHome) {
    Deserializer<Signal> signals = serdes.valueSerde(Signal.class).deserializer();
    Deserializer<TradeOutcome> outcomes = serdes.valueSerde(TradeOutcome.class).deserializer();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Kafka Streams' own consumer default
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
    long total = ends.values().stream().mapToLong(Long::longValue).sum();
    Progress progress = new Progress("baseline", total, 2_000);
    CpuMeter cpu = CpuMeter.start(hivemindHome);
    long started = System.nanoTime();
    long count = 0;
    long checksum = 0;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = List.copyOf(ends.keySet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (count < total) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.topic().equals(topics.signals)) {
            checksum += signals.deserialize(record.topic(), record.value()).getSignalId().length();
          } else {
            checksum += outcomes.deserialize(record.topic(), record.value()).getSignalId().length();
          }
          count++;
        }
        progress.update(count, "");
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    progress.finish(count, "read and deserialized");
    System.out.println("  " + cpu.summary() + (checksum == 0 ? " (empty)" : ""));
    return new double[] {count / seconds, count / cpu.ownCpuSeconds()};
  }
}
