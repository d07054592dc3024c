package io.hivemind.gateway.api;

import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the gateway under test at topics of its own, created before it starts: for tests whose
 * records (an unreadable control record, a fuzz run's) must not reach the topics other tests read.
 * The prefix comes as the init argument {@code prefix}.
 */
public class OwnTopicsResource implements QuarkusTestResourceLifecycleManager {

  private String prefix;

  @Override
  public void init(Map<String, String> initArgs) {
    prefix = initArgs.get("prefix");
  }

  @Override
  public Map<String, String> start() {
    KafkaStack stack = KafkaStack.shared();
    stack.createTopics(new Topics(prefix), KafkaStackResource.PARTITIONS);
    Map<String, String> config = new HashMap<>(stack.serviceConfig());
    config.put("hivemind.topic-prefix", prefix);
    return config;
  }

  @Override
  public void stop() {
    // the shared stack stops with the JVM
  }
}
