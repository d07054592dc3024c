package io.hivemind.bench.backlog;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a generated backlog straight into Kafka, as the gateway would have: an idempotent producer
 * with acks=all, the project's Avro serde through the real registry, keyed by user_id.
 */
public final class BacklogWriter {

  private BacklogWriter() {}

  /** Producer settings for bulk writing: the gateway's guarantees, bigger batches. */
  public static Map<String, Object> producerSettings(String bootstrap, String clientId) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
    return settings;
  }

  /** Writes the whole backlog and returns what it wrote; prints progress on the way. */
  public static BacklogGenerator.Counts write(
      BacklogSpec spec, Topics topics, String bootstrap, String registryApi) {
    BacklogGenerator generator = new BacklogGenerator(spec);
    Serializer<SpecificRecord> values =
        AvroSerdes.registry(registryApi).valueSerde(SpecificRecord.class).serializer();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Progress progress = new Progress("backlog", spec.events(), 2_000);
    try (Producer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            producerSettings(bootstrap, "hivemind-bench-backlog"),
            new StringSerializer(),
            values)) {
      long sent = 0;
      while (generator.hasNext()) {
        BacklogGenerator.Event event = generator.next();
        String topic = event.signal() ? topics.signals : topics.outcomes;
        Long timestamp = spec.eventTimeStamps() ? event.eventTime() : null;
        producer.send(
            new ProducerRecord<>(topic, null, timestamp, event.userId(), event.value()),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
        sent++;
        if (failure.get() != null) {
          throw new IllegalStateException("backlog write failed", failure.get());
        }
        progress.update(sent, "");
      }
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException("backlog write failed", failure.get());
      }
      progress.finish(sent, "written, acks=all");
    }
    return generator.counts();
  }
}
