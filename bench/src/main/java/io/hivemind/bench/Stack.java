package io.hivemind.bench;

import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.KafkaEnvironment;
import io.hivemind.schema.Topics;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the running local stack is, as {@code ./hivemind} started it. The CLI builds it from its
 * one reader of the stack's settings ({@code io.hivemind.cli.StackSettings}).
 *
 * @param home {@code $HIVEMIND_HOME} (state, logs, the admin token)
 * @param root the checkout ({@code ./hivemind} and the built modules)
 */
public record Stack(
    String gateway,
    String query,
    String learner,
    String registryApi,
    String bootstrap,
    String topicPrefix,
    int partitions,
    Path home,
    Path root) {

  /**
   * Read from the environment {@code ./hivemind} passes (see {@code local-stack/services.conf}).
   * Only {@code ./hivemind chaos} still reads it here: it goes once chaos is a command of the CLI,
   * which reads these settings in {@code StackSettings}.
   */
  public static Stack fromEnvironment() {
    Map<String, String> env = System.getenv();
    String host = "127.0.0.1";
    Path root = Path.of(env.getOrDefault("HIVEMIND_ROOT", ".")).toAbsolutePath().normalize();
    return new Stack(
        "http://" + host + ":" + env.getOrDefault("GATEWAY_PORT", "8080"),
        "http://" + host + ":" + env.getOrDefault("QUERY_PORT", "8081"),
        "http://" + host + ":" + env.getOrDefault("LEARNER_PORT", "8082"),
        "http://" + host + ":" + env.getOrDefault("REGISTRY_PORT", "8085") + "/apis/registry/v3",
        // every node of a cluster (./hivemind exports them), else the one at KAFKA_PORT
        env.getOrDefault(
            "KAFKA_BOOTSTRAP_SERVERS", host + ":" + env.getOrDefault("KAFKA_PORT", "9092")),
        env.getOrDefault("HIVEMIND_TOPIC_PREFIX", "hivemind."),
        Integer.parseInt(env.getOrDefault("HIVEMIND_PARTITIONS", "6")),
        Path.of(env.getOrDefault("HIVEMIND_HOME", root.resolve(".hivemind").toString())),
        root);
  }

  /** The stack's Kafka and topics, where benchmarks mint their keys ({@code BenchKeys}). */
  public KafkaEnvironment kafka() {
    return kafka(topicPrefix);
  }

  /** The stack's Kafka with another topic prefix: a benchmark's own deployment. */
  public KafkaEnvironment kafka(String prefix) {
    return new KafkaEnvironment(
        KafkaConnection.settings(Map.of("bootstrap.servers", bootstrap)), new Topics(prefix));
  }
}
