package io.hivemind.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.schema.TopicProvisioner.Replication;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

  private final Topics topics = new Topics("t.");

  @Test
  void shouldCreateEveryTopicWithTheReplicationFactorAndMinInsyncReplicasGiven() {
    for (Topics.TopicSpec spec : topics.specs()) {
      NewTopic topic = TopicProvisioner.newTopic(spec, 6, new Replication((short) 3, 2));

      assertThat(topic.replicationFactor()).isEqualTo((short) 3);
      assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
      assertThat(topic.configs()).containsAllEntriesOf(spec.config());
    }
  }

  @Test
  void shouldKeepOneCopyOnASingleBroker() {
    NewTopic topic = TopicProvisioner.newTopic(topics.specs().get(0), 6, Replication.SINGLE);

    assertThat(topic.replicationFactor()).isEqualTo((short) 1);
    assertThat(topic.configs()).containsEntry("min.insync.replicas", "1");
  }

  @Test
  void shouldRefuseMoreInsyncReplicasThanCopies() {
    assertThatThrownBy(() -> new Replication((short) 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min.insync.replicas 2");
  }
}
