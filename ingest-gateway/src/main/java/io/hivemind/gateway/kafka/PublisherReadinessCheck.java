package io.hivemind.gateway.kafka;

import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Prepares the publisher's topics (metadata and schemas) at startup, so the first requests do not
 * wait on the network. A topic that could not be prepared at startup (broker or registry not up
 * yet) is tried again at each readiness probe, and listed in the probe's data.
 *
 * <p>It does not hold readiness down: the gateway is also the control plane's door, and a kill
 * switch must be reachable while the schema registry is away (DESIGN §12). Until a topic is
 * prepared, events for it are answered 503 with {@code Retry-After} by the publisher itself.
 */
@Readiness
@ApplicationScoped
class PublisherReadinessCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(PublisherReadinessCheck.class);

  private final EventPublisher publisher;
  private final Map<String, SpecificRecord> samples;

  PublisherReadinessCheck(EventPublisher publisher, Topics topics) {
    this.publisher = publisher;
    this.samples = samplesByTopic(topics);
  }

  void warmUp(@Observes StartupEvent started) {
    prepareMissing();
  }

  @Override
  public HealthCheckResponse call() {
    List<String> missing = prepareMissing();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("ingest publisher").up().withData("prepared", missing.isEmpty());
    if (!missing.isEmpty()) {
      response.withData("unprepared topics", String.join(",", missing));
    }
    return response.build();
  }

  private List<String> prepareMissing() {
    return samples.entrySet().stream()
        .filter(topic -> !publisher.isPrepared(topic.getKey()))
        .filter(topic -> !tryPrepare(topic.getKey(), topic.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private boolean tryPrepare(String topic, SpecificRecord sample) {
    try {
      publisher.prepare(topic, sample);
      return true;
    } catch (RuntimeException e) {
      LOG.warnf("topic %s not prepared yet: %s", topic, e.getMessage());
      return false;
    }
  }

  /** One record per topic, only ever serialized: it carries the schema to register. */
  private static Map<String, SpecificRecord> samplesByTopic(Topics topics) {
    Instant epoch = Instant.EPOCH;
    Map<String, SpecificRecord> samples = new LinkedHashMap<>();
    samples.put(
        topics.signals,
        new Signal("warm-up", "warm-up", "ES", Side.LONG, 1.0, epoch, "vwap_rsi", Map.of()));
    samples.put(
        topics.outcomes,
        new TradeOutcome(
            "warm-up", "warm-up", "ES", Side.LONG, 1.0, 1.0, epoch, epoch, 1, 0.0, "WARM_UP",
            false));
    samples.put(
        topics.heartbeats,
        new Heartbeat("warm-up", "0", "RUNNING", 0, List.of(), null, epoch, List.of()));
    return samples;
  }
}
