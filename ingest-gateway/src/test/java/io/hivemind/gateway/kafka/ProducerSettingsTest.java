package io.hivemind.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

  private final Map<String, Object> settings =
      ProducerSettings.forIngest("127.0.0.1:9092", Duration.ofSeconds(5));

  private int millis(String key) {
    return ((Number) settings.get(key)).intValue();
  }

  @Test
  void shouldWaitForAllInSyncReplicas() {
    assertThat(settings).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
  }

  @Test
  void shouldBeIdempotentSoRetriesDoNotDuplicate() {
    assertThat(settings).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
  }

  @Test
  void shouldGiveUpDeliveryAtTheSendTimeout() {
    assertThat(millis(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(5000);
  }

  @Test
  void shouldKeepDeliveryTimeoutAtLeastLingerPlusRequestTimeout() {
    assertThat(millis(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
        .isGreaterThanOrEqualTo(
            millis(ProducerConfig.LINGER_MS_CONFIG)
                + millis(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
  }

  @Test
  void shouldBlockTheCallerForAtMostOneSecond() {
    assertThat(((Number) settings.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).longValue())
        .isLessThanOrEqualTo(1000);
  }

  @Test
  void shouldRefuseASendTimeoutTooShortForAnyRequest() {
    assertThatThrownBy(() -> ProducerSettings.forIngest("127.0.0.1:9092", Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPassSecuritySettingsThroughForASecuredCluster() {
    Map<String, Object> secured =
        ProducerSettings.forIngest(
            Map.of(
                "bootstrap.servers", "ns.servicebus.windows.net:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "health.enabled", "true"),
            Duration.ofSeconds(5));

    assertThat(secured)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "ns.servicebus.windows.net:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .doesNotContainKey("health.enabled")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
  }
}
