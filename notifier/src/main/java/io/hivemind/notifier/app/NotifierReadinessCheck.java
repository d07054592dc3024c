package io.hivemind.notifier.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the events topology runs and the reader delivers (both books read). */
@Readiness
@ApplicationScoped
class NotifierReadinessCheck implements HealthCheck {

  private final KafkaStreams streams;
  private final Notifier notifier;

  NotifierReadinessCheck(KafkaStreams streams, Notifier notifier) {
    this.streams = streams;
    this.notifier = notifier;
  }

  @Override
  public HealthCheckResponse call() {
    KafkaStreams.State state = streams.state();
    return HealthCheckResponse.named("hivemind-notifier")
        .status(state == KafkaStreams.State.RUNNING && notifier.isStarted())
        .withData("events", state.name())
        .withData("delivering", notifier.isStarted())
        .build();
  }
}
