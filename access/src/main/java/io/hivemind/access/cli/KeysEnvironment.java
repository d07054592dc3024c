package io.hivemind.access.cli;

import io.hivemind.schema.KafkaEnvironment;
import io.hivemind.schema.Topics;
import java.util.Map;

/**
 * Where the keys live and who is changing them, from the environment {@code ./hivemind} gives its
 * tools (see {@code run_tool} and {@code local-stack/services.conf}): {@code KAFKA_PORT} or {@code
 * KAFKA_BOOTSTRAP_SERVERS}, {@code HIVEMIND_TOPIC_PREFIX}, {@code HIVEMIND_OPERATOR}. For a secured
 * cluster, {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*} and {@code KAFKA_SSL_*} become the
 * client's {@code security.protocol}, {@code sasl.*} and {@code ssl.*}, as they do for the
 * services.
 */
record KeysEnvironment(Map<String, Object> connection, Topics topics, String operator) {

  static KeysEnvironment from(Map<String, String> env) {
    KafkaEnvironment kafka = KafkaEnvironment.from(env);
    return new KeysEnvironment(kafka.connection(), kafka.topics(), operator(env));
  }

  /** HIVEMIND_OPERATOR, or the login name, as the control commands name their operator. */
  private static String operator(Map<String, String> env) {
    String name = env.get("HIVEMIND_OPERATOR");
    if (name == null || name.isBlank()) {
      name = System.getProperty("user.name", "");
    }
    name = name.replaceAll("[^A-Za-z0-9._@-]", "_");
    name = name.length() > 64 ? name.substring(0, 64) : name;
    return name.isEmpty() ? "unknown" : name;
  }

  String bootstrap() {
    return String.valueOf(connection.get("bootstrap.servers"));
  }
}
