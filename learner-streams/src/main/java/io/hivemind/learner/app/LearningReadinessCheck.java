package io.hivemind.learner.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the learner is RUNNING with its tasks assigned and restored, so that "up" means
 * events are being learned, not merely that the topics exist.
 */
@Readiness
@ApplicationScoped
class LearningReadinessCheck implements HealthCheck {

  private final KafkaStreams streams;

  LearningReadinessCheck(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public HealthCheckResponse call() {
    KafkaStreams.State state = streams.state();
    return HealthCheckResponse.named("hivemind-learning")
        .status(state == KafkaStreams.State.RUNNING)
        .withData("state", state.name())
        .withData("consumption", streams.isPaused() ? "PAUSED" : "RUNNING")
        .build();
  }
}
