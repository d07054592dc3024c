package io.hivemind.access.http;

import io.hivemind.access.kafka.KeyMaterializer;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Thin CDI adapter: this instance's copy of the API keys, following the topic from startup on. */
@Singleton
class KeyMaterializerProducer {

  @Produces
  @Singleton
  KeyMaterializer keyMaterializer(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String prefix) {
    return new KeyMaterializer(KafkaConnection.settings(kafkaConfig), new Topics(prefix)).start();
  }

  void close(@Disposes KeyMaterializer keys) {
    keys.close();
  }
}
