package io.hivemind.control.app;

import io.hivemind.control.kafka.ControlView;
import io.hivemind.schema.ControlState;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Thin CDI adapter: every service holds one {@link ControlView}, following from startup. It reads
 * the control topic without the schema registry (ADR 10).
 */
@Singleton
public class ControlViewProducer {

  @Produces
  @Singleton
  ControlView controlView(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String prefix) {
    return new ControlView(
            KafkaConnection.settings(kafkaConfig),
            new Topics(prefix).control,
            SelfDescribingSerdes.of(ControlState.class).deserializer(),
            Clock.systemUTC())
        .start();
  }

  /** Starts following at startup rather than at the first request that needs it. */
  void followFromStartup(
      @Observes @Initialized(ApplicationScoped.class) Object start, ControlView view) {
    // injecting the view is what starts it
  }

  void close(@Disposes ControlView view) {
    view.close();
  }
}
