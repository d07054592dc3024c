package io.hivemind.learner.app;

import io.hivemind.schema.streams.StreamThreadSupervisor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the learner is RUNNING with its tasks assigned and restored, so that "up" means
 * events are being learned, not merely that the topics exist; or, while the fleet's learning is
 * paused, once it follows the pause. Not ready while a stream thread that died waits to be replaced
 * (the schema registry away, for example): Kafka Streams still says RUNNING then.
 */
@Readiness
@ApplicationScoped
class LearningReadinessCheck implements HealthCheck {

  private final KafkaStreams streams;
  private final StreamThreadSupervisor supervisor;

  LearningReadinessCheck(KafkaStreams streams, StreamThreadSupervisor supervisor) {
    this.streams = streams;
    this.supervisor = supervisor;
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
    boolean replacing = supervisor.isWaiting();
    return HealthCheckResponse.named("hivemind-learning")
        .status((state == KafkaStreams.State.RUNNING || pausedAsTold) && !replacing)
        .withData("state", state.name())
        .withData("consumption", streams.isPaused() ? "PAUSED" : "RUNNING")
        .withData("threads replaced", supervisor.replacements())
        .withData("thread waiting to be replaced", replacing)
        .build();
  }
}
