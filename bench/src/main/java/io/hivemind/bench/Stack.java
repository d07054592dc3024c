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
