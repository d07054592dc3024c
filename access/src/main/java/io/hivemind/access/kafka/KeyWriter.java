package io.hivemind.access.kafka;

import io.hivemind.access.domain.KeyRecord;
import io.hivemind.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes key records to {@code hivemind.api-keys}, keyed by key id so compaction keeps each key's
 * latest record. A write returns once every in-sync replica has it (acks=all, idempotent).
 */
public final class KeyWriter implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final Duration timeout;

  /**
   * @param connection bootstrap servers and security settings ({@code KafkaConnection.settings})
   * @param timeout how long one write may take, waiting for the broker included
   */
  public KeyWriter(Map<String, Object> connection, Topics topics, Duration timeout) {
    this.topic = topics.apiKeys;
    this.timeout = timeout;
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    this.producer =
        new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Writes {@code record} as its key's latest state.
   *
   * @throws KeyTopicException when the broker did not take it in time
   */
  public void write(KeyRecord record) {
    try {
      producer
          .send(new ProducerRecord<>(topic, record.keyId(), KeyRecordJson.toJson(record)))
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new KeyTopicException(
          "could not write key " + record.keyId() + " to " + topic + ": " + e.getCause(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new KeyTopicException(
          "writing key " + record.keyId() + " to " + topic + " took longer than " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeyTopicException("interrupted while writing key " + record.keyId(), e);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new KeyTopicException(
          "Kafka did not answer within " + timeout + " (metadata of " + topic + ")", e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }
}
