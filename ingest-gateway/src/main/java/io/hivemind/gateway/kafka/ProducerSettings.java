package io.hivemind.gateway.kafka;

import io.hivemind.schema.KafkaConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Producer settings derived from the send timeout, so that the broker's own give-up time matches
 * the time a request is willing to wait.
 */
public final class ProducerSettings {

  /** Small: a request waits for its own batch; a few ms gather concurrent requests into one. */
  static final int LINGER_MS = 2;

  /**
   * {@code send()} runs on the event loop and blocks only when the producer's buffer is full or a
   * topic's metadata is unknown; either way a quick 503 serves the bot better than a stalled loop.
   */
  static final Duration MAX_BLOCK = Duration.ofSeconds(1);

  private ProducerSettings() {}

  /**
   * {@code connection} is the deployment's {@code kafka.*} configuration (prefix removed): the
   * bootstrap servers and, for Azure Event Hubs or any secured cluster, the {@code security.*},
   * {@code sasl.*} and {@code ssl.*} settings, which pass through unchanged.
   */
  public static Map<String, Object> forIngest(Map<String, ?> connection, Duration sendTimeout) {
    Map<String, Object> settings = KafkaConnection.settings(connection);
    settings.putAll(forIngest(String.valueOf(connection.get("bootstrap.servers")), sendTimeout));
    return settings;
  }

  /**
   * The clock probe's producer (ADR 16): the ingest settings, but acks=1 (the leader stamps the
   * append time before it replicates, so waiting for the followers would only bias the measured
   * midpoint) and no linger (a probe never waits to be batched).
   */
  public static Map<String, Object> forClockProbe(Map<String, ?> connection, Duration sendTimeout) {
    Map<String, Object> settings = forIngest(connection, sendTimeout);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "hivemind-ingest-clock-probe");
    settings.put(ProducerConfig.ACKS_CONFIG, "1");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(sendTimeout.toMillis()));
    return settings;
  }

  public static Map<String, Object> forIngest(String bootstrapServers, Duration sendTimeout) {
    int deliveryTimeoutMs = Math.toIntExact(sendTimeout.toMillis());
    if (deliveryTimeoutMs < 100) {
      throw new IllegalArgumentException("send timeout must be at least 100 ms: " + sendTimeout);
    }
    Map<String, Object> settings = new HashMap<>();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "hivemind-ingest-gateway");
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    // Kafka requires delivery.timeout >= linger + request.timeout; the delivery timeout is the
    // request's whole budget, retries included.
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, deliveryTimeoutMs - LINGER_MS);
    settings.put(
        ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(MAX_BLOCK.toMillis(), deliveryTimeoutMs));
    // Keep the three topics' metadata for good even when one is idle, so a quiet topic's next
    // send() does not block the event loop on a metadata fetch.
    settings.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, (int) Duration.ofDays(1).toMillis());
    return settings;
  }
}
