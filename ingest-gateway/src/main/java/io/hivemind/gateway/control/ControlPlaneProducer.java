package io.hivemind.gateway.control;

import io.hivemind.control.domain.BotRoster;
import io.hivemind.control.kafka.AuditTrail;
import io.hivemind.control.kafka.ControlPublisher;
import io.hivemind.schema.ControlCommand;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Thin CDI adapter: the gateway writes control commands and reads the audit trail back, both
 * without the schema registry (ADR 10).
 */
@Singleton
class ControlPlaneProducer {

  private static final Logger LOG = Logger.getLogger(ControlPlaneProducer.class);

  @Produces
  @Singleton
  ControlPublisher controlPublisher(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      Topics topics,
      ControlConfig config) {
    return new ControlPublisher(
        KafkaConnection.settings(kafkaConfig),
        topics,
        SelfDescribingSerdes.anyRecord(),
        config.writeTimeout());
  }

  /**
   * Warms the publisher up at startup, on a thread of its own so a broker still starting delays no
   * one; a failure leaves it to the first command, as before.
   */
  void warmUp(@Observes StartupEvent start, ControlPublisher publisher) {
    Thread warming =
        new Thread(
            () -> {
              try {
                publisher.warmUp();
              } catch (RuntimeException e) {
                LOG.warnf(
                    "control publisher not warmed up (%s); the first command will", e.getMessage());
              }
            },
            "control-warm-up");
    warming.setDaemon(true);
    warming.start();
  }

  void close(@Disposes ControlPublisher publisher) {
    publisher.close();
  }

  @Produces
  @Singleton
  AuditTrail auditTrail(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      Topics topics,
      ControlConfig config) {
    return new AuditTrail(
        KafkaConnection.settings(kafkaConfig),
        topics.audit,
        SelfDescribingSerdes.of(ControlCommand.class).deserializer(),
        config.writeTimeout());
  }

  @Produces
  @Singleton
  BotRoster botRoster() {
    return new BotRoster();
  }
}
