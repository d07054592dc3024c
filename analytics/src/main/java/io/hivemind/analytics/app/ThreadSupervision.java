package io.hivemind.analytics.app;

import io.hivemind.schema.RegistryProbe;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the stream-thread policy (ADR 11) to Quarkus, which sets it as the Kafka Streams client's
 * uncaught-exception handler, and ends its waits when the application stops (before Quarkus closes
 * Kafka Streams, which waits for its threads).
 */
@ApplicationScoped
class ThreadSupervision {

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
      StreamThreadSupervisor supervisor) {
    supervisor.release();
  }
}
