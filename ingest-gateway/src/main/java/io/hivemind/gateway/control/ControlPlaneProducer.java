package io.hivemind.gateway.control;

import io.hivemind.control.domain.BotRoster;
import io.hivemind.control.kafka.AuditTrail;
import io.hivemind.control.kafka.ControlPublisher;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.ControlCommand;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Thin CDI adapter: the gateway writes control commands and reads the audit trail back. */
@Singleton
class ControlPlaneProducer {

  @Produces
  @Singleton
  ControlPublisher controlPublisher(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      Topics topics,
      ControlConfig config) {
    return new ControlPublisher(
        KafkaConnection.settings(kafkaConfig),
        topics,
        AvroSerdes.registry(registryUrl).valueSerde(SpecificRecord.class).serializer(),
        config.writeTimeout());
  }

  void close(@Disposes ControlPublisher publisher) {
    publisher.close();
  }

  @Produces
  @Singleton
  AuditTrail auditTrail(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      Topics topics,
      ControlConfig config) {
    return new AuditTrail(
        KafkaConnection.settings(kafkaConfig),
        topics.audit,
        AvroSerdes.registry(registryUrl).valueSerde(ControlCommand.class).deserializer(),
        config.writeTimeout());
  }

  @Produces
  @Singleton
  BotRoster botRoster() {
    return new BotRoster();
  }
}
