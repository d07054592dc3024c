package io.hivemind.gateway.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends one record to the clock-probe topic, whose broker stamps it with its own time on append
 * ({@code LogAppendTime}), and measures the offset from the acknowledgement (ADR 16). Both ends of
 * the round trip are read on the host clock, the one being measured.
 */
public final class ClockProbe implements AutoCloseable {

  private final Producer<String, String> producer;
  private final String topic;
  private final String instance;
  private final Clock host;
  private final Duration timeout;

  /**
   * @param producer acks=1, no linger: the leader stamps the record before replicating it, so
   *     waiting for the followers would only lengthen the return leg and bias the midpoint
   * @param instance this gateway's key in the compacted topic
   */
  public ClockProbe(
      Producer<String, String> producer,
      String topic,
      String instance,
      Clock host,
      Duration timeout) {
    this.producer = producer;
    this.topic = topic;
    this.instance = instance;
    this.host = host;
    this.timeout = timeout;
  }

  /** Blocking, bounded by the timeout. */
  public ClockOffset measure() throws ExecutionException, InterruptedException, TimeoutException {
    CompletableFuture<ClockOffset> measured = new CompletableFuture<>();
    Instant sent = host.instant();
    producer.send(
        new ProducerRecord<>(topic, instance, sent.toString()),
        (metadata, error) -> {
          Instant acknowledged = host.instant();
          if (error != null) {
            measured.completeExceptionally(error);
          } else if (!metadata.hasTimestamp()) {
            measured.completeExceptionally(
                new IllegalStateException("no append time in the acknowledgement of " + topic));
          } else {
            measured.complete(
                ClockOffset.measure(
                    sent, acknowledged, Instant.ofEpochMilli(metadata.timestamp())));
          }
        });
    return measured.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }
}
