package io.hivemind.gateway.backlog;

import io.hivemind.schema.TopicFollower;
import io.hivemind.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;

/**
 * This instance's copy of {@code <prefix>outcome-backlogs}: the users whose backlog of outcomes
 * waiting for their signals is full, as the learner wrote them (ADR 12). It follows the topic from
 * startup on ({@link TopicFollower}, no consumer group) and is a hint, not a guard: the learner
 * enforces the cap whatever this says, so until the topic is read, or if it cannot be, nobody is
 * listed and outcomes are accepted.
 */
public final class OutcomeBacklogs implements AutoCloseable {

  private final Map<String, Long> full = new ConcurrentHashMap<>();
  private final Deserializer<Long> values = new LongDeserializer();
  private final TopicFollower follower;

  /**
   * @param connection bootstrap servers and security settings ({@code KafkaConnection.settings})
   */
  public OutcomeBacklogs(Map<String, Object> connection, Topics topics) {
    follower =
        new TopicFollower(
            connection,
            topics.outcomeBacklogs,
            null,
            batch -> TopicFollower.latestPerKey(batch).forEach(this::apply));
  }

  /** Starts following the topic; returns at once. */
  public OutcomeBacklogs start() {
    follower.start();
    return this;
  }

  /** How many of the user's outcomes wait for their signals, if their backlog is full. */
  public OptionalLong fullBacklogOf(String userId) {
    Long waiting = full.get(userId);
    return waiting == null ? OptionalLong.empty() : OptionalLong.of(waiting);
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return; // the learner always keys by user: nothing to list or to clear
    }
    String user = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      full.remove(user);
      return;
    }
    try {
      full.put(user, values.deserialize(record.topic(), record.value()));
    } catch (RuntimeException e) {
      // handed over again until it can be read or a later record of the user replaces it
      throw new IllegalStateException(
          String.format(
              "unreadable backlog record at %s-%d@%d: %s",
              record.topic(), record.partition(), record.offset(), e.getMessage()));
    }
  }

  @Override
  public void close() {
    follower.close();
  }
}
