package io.hivemind.gateway.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published records and failures per topic, and how long the broker took to acknowledge. Meters are
 * looked up once per topic: this runs for every record.
 */
public final class PublishMetrics {

  private final MeterRegistry registry;
  private final Map<String, TopicMeters> byTopic = new ConcurrentHashMap<>();

  public PublishMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void acknowledged(String topic, Duration elapsed) {
    TopicMeters meters = meters(topic);
    meters.published().increment();
    meters.ackTime().record(elapsed);
  }

  void failed(String topic, boolean retriable) {
    TopicMeters meters = meters(topic);
    (retriable ? meters.retriableFailures() : meters.fatalFailures()).increment();
  }

  private TopicMeters meters(String topic) {
    return byTopic.computeIfAbsent(topic, this::register);
  }

  private TopicMeters register(String topic) {
    return new TopicMeters(
        Counter.builder("hivemind.ingest.published")
            .description("Records the broker acknowledged")
            .tag("topic", topic)
            .register(registry),
        Timer.builder("hivemind.ingest.publish")
            .description("Time from send to the broker's acknowledgement")
            .tag("topic", topic)
            .register(registry),
        failures(topic, true),
        failures(topic, false));
  }

  private Counter failures(String topic, boolean retriable) {
    return Counter.builder("hivemind.ingest.publish.failures")
        .description("Records that were not acknowledged")
        .tag("topic", topic)
        .tag("retriable", String.valueOf(retriable))
        .register(registry);
  }

  private record TopicMeters(
      Counter published, Timer ackTime, Counter retriableFailures, Counter fatalFailures) {}
}
