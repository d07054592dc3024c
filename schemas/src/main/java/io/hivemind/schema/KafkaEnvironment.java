package io.hivemind.schema;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the stack's keys live, from the environment {@code ./hivemind} gives its tools (as {@code
 * ./hivemind keys} reads it): {@code KAFKA_BOOTSTRAP_SERVERS}, else {@code 127.0.0.1:$KAFKA_PORT};
 * {@code HIVEMIND_TOPIC_PREFIX}; and, for a secured cluster, {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_*} and {@code KAFKA_SSL_*} as the client's {@code security.protocol}, {@code
 * sasl.*} and {@code ssl.*}.
 *
 * @param connection the Kafka client settings ({@link KafkaConnection#settings})
 */
public record KafkaEnvironment(Map<String, Object> connection, Topics topics) {

  public KafkaEnvironment {
    connection = Map.copyOf(connection);
  }

  public static KafkaEnvironment from(Map<String, String> env) {
    Map<String, Object> kafka = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.equals("KAFKA_SECURITY_PROTOCOL")
              || name.startsWith("KAFKA_SASL_")
              || name.startsWith("KAFKA_SSL_")) {
            kafka.put(
                name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                value);
          }
        });
    String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
    if (bootstrap == null || bootstrap.isBlank()) {
      bootstrap = "127.0.0.1:" + env.getOrDefault("KAFKA_PORT", "9092").trim();
    }
    kafka.put("bootstrap.servers", bootstrap);
    return new KafkaEnvironment(
        KafkaConnection.settings(kafka),
        new Topics(env.getOrDefault("HIVEMIND_TOPIC_PREFIX", Topics.DEFAULT_PREFIX)));
  }

  /** The same cluster, another deployment's topics (a benchmark's own prefix). */
  public KafkaEnvironment withTopicPrefix(String prefix) {
    return new KafkaEnvironment(connection, new Topics(prefix));
  }

  public String bootstrap() {
    return String.valueOf(connection.get("bootstrap.servers"));
  }

  /** Secrets of a secured cluster (SASL passwords) stay out of logs. */
  @Override
  public String toString() {
    return "KafkaEnvironment[bootstrap=" + bootstrap() + ", keys=" + topics.apiKeys + "]";
  }
}
