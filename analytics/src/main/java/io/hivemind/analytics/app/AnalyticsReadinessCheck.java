package io.hivemind.analytics.app;

import io.hivemind.schema.streams.StreamThreadSupervisor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the analytics is RUNNING with its tasks assigned and restored, so that "up" means the
 * stores answer; not while a stream thread that died waits to be replaced (ADR 11: Kafka Streams
 * still says RUNNING then, and the tasks of that thread answer nothing).
 */
@Readiness
@ApplicationScoped
class AnalyticsReadinessCheck implements HealthCheck {

  private final KafkaStreams streams;
  private final StreamThreadSupervisor supervisor;

  AnalyticsReadinessCheck(KafkaStreams streams, StreamThreadSupervisor supervisor) {
    this.streams = streams;
    this.supervisor = supervisor;
  }

  @Override
  public HealthCheckResponse call() {
    KafkaStreams.State state = streams.state();
    boolean replacing = supervisor.isWaiting();
    return HealthCheckResponse.named("hivemind-analytics")
        .status(state == KafkaStreams.State.RUNNING && !replacing)
        .withData("state", state.name())
        .withData("threads replaced", supervisor.replacements())
        .withData("thread waiting to be replaced", replacing)
        .build();
  }
}
