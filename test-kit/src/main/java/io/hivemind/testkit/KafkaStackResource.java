package io.hivemind.testkit;

import io.hivemind.schema.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared {@link KafkaStack}, with the system's topics
 * created under the default prefix (3 partitions).
 */
public final class KafkaStackResource implements QuarkusTestResourceLifecycleManager {

  public static final int PARTITIONS = 3;

  @Override
  public Map<String, String> start() {
    KafkaStack stack = KafkaStack.shared();
    stack.createTopics(Topics.withDefaultPrefix(), PARTITIONS);
    return stack.serviceConfig();
  }

  @Override
  public void stop() {
    // shared across test classes; stopped when the JVM exits
  }
}
