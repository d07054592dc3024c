package io.hivemind.gateway.backlog;

import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Thin CDI adapter: the full backlogs, followed from startup on. Readiness does not wait for them:
 * they only let the gateway refuse early what the learner refuses anyway.
 */
@Singleton
class OutcomeBacklogsProducer {

  @Produces
  @Singleton
  OutcomeBacklogs outcomeBacklogs(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Topics topics) {
    return new OutcomeBacklogs(KafkaConnection.settings(kafkaConfig), topics).start();
  }

  /** Starts following at startup rather than at the first outcome. */
  void start(@Observes StartupEvent event, OutcomeBacklogs backlogs) {
    // injecting it is what starts it
  }

  void close(@Disposes OutcomeBacklogs backlogs) {
    backlogs.close();
  }
}
