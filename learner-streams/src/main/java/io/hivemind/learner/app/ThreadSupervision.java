package io.hivemind.learner.app;

import io.hivemind.schema.RegistryProbe;
import io.hivemind.schema.streams.GroupExit;
import io.hivemind.schema.streams.RestartBackoff;
import io.hivemind.schema.streams.StreamThreadSupervisor;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the stream-thread policy (ADR 11) to Quarkus, which sets it as the Kafka Streams client's
 * uncaught-exception handler, and ends its waits when the application stops (before Quarkus closes
 * Kafka Streams, which waits for its threads). On a clean stop the instance then leaves its
 * consumer group before Quarkus closes the client, so the others take its tasks over at once, from
 * their standby replicas, rather than after the session timeout (ADR 17).
 */
@ApplicationScoped
class ThreadSupervision {

  /** Long enough for a thread to commit, close its tasks and send its LeaveGroup. */
  private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(30);

  @Produces
  @Singleton
  StreamThreadSupervisor supervisor(
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      @ConfigProperty(name = "hivemind.streams.restart.min-backoff") Duration minBackoff,
      @ConfigProperty(name = "hivemind.streams.restart.max-backoff") Duration maxBackoff) {
    return new StreamThreadSupervisor(
        new RestartBackoff(minBackoff, maxBackoff),
        new RegistryProbe(registryUrl),
        Duration.ofSeconds(1),
        Clock.systemUTC());
  }

  void release(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent stop,
      StreamThreadSupervisor supervisor,
      KafkaStreams streams) {
    supervisor.release();
    GroupExit.leave(streams, LEAVE_TIMEOUT);
  }
}
