package io.hivemind.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaEnvironmentTest {

  @Test
  void shouldFindTheLocalStacksKafkaAndKeyTopic() {
    KafkaEnvironment kafka =
        KafkaEnvironment.from(Map.of("KAFKA_PORT", "19092", "HIVEMIND_TOPIC_PREFIX", "ci."));

    assertThat(kafka.bootstrap()).isEqualTo("127.0.0.1:19092");
    assertThat(kafka.topics().apiKeys).isEqualTo("ci.api-keys");
  }

  @Test
  void shouldDefaultToTheStacksDefaults() {
    KafkaEnvironment kafka = KafkaEnvironment.from(Map.of());

    assertThat(kafka.bootstrap()).isEqualTo("127.0.0.1:9092");
    assertThat(kafka.topics().apiKeys).isEqualTo("hivemind.api-keys");
  }

  @Test
  void shouldPassASecuredClustersSettingsThroughWithoutShowingThem() {
    KafkaEnvironment kafka =
        KafkaEnvironment.from(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9093",
                "KAFKA_PORT", "19092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SASL_JAAS_CONFIG", "secret-jaas"));

    assertThat(kafka.bootstrap()).isEqualTo("broker:9093");
    assertThat(kafka.connection())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("sasl.jaas.config", "secret-jaas");
    assertThat(kafka.toString()).doesNotContain("secret-jaas");
  }
}
