package io.hivemind.learner.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the learner is RUNNING with its tasks assigned and restored, so that "up" means
 * events are being learned, not merely that the topics exist; or, while the fleet's learning is
 * paused, once it follows the pause.
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
    // Paused before it started (the fleet's learning was paused), Kafka Streams assigns its tasks
    // but does not initialize them, so it stays REBALANCING until resumed: that instance is doing
    // exactly what it was told, and is ready.
    boolean pausedAsTold =
        streams.isPaused()
            && (state == KafkaStreams.State.REBALANCING || state == KafkaStreams.State.RUNNING);
    return HealthCheckResponse.named("hivemind-learning")
        .status(state == KafkaStreams.State.RUNNING || pausedAsTold)
        .withData("state", state.name())
        .withData("consumption", streams.isPaused() ? "PAUSED" : "RUNNING")
        .build();
  }
}
