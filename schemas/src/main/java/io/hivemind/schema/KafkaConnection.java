package io.hivemind.schema;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every client of a deployment reaches its cluster: the bootstrap servers and, for Azure Event
 * Hubs or any secured cluster, the {@code security.*}, {@code sasl.*} and {@code ssl.*} settings,
 * which pass through unchanged.
 */
public final class KafkaConnection {

  private KafkaConnection() {}

  /**
   * {@code connection} is the deployment's {@code kafka.*} configuration with the prefix removed
   * (Quarkus' {@code default-kafka-broker} map).
   */
  public static Map<String, Object> settings(Map<String, ?> connection) {
    Map<String, Object> settings = new HashMap<>();
    connection.forEach(
        (key, value) -> {
          if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
            settings.put(key, value);
          }
        });
    settings.put(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        String.valueOf(connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)));
    return settings;
  }
}
