package io.hivemind.schema;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (a Kafka Streams application id) is behind the end of some topics: the
 * records not yet committed (the benchmarks wait on it; the notifier tells the fleet when the
 * learner falls behind). Under exactly-once a committed offset means the results of those records
 * are committed too, so lag 0 is "everything learned and visible to read_committed readers".
 */
public final class GroupLag implements AutoCloseable {

  private final Admin admin;

  public GroupLag(String bootstrap) {
    this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /**
   * @param connection bootstrap servers and security settings ({@link KafkaConnection#settings})
   */
  public GroupLag(Map<String, Object> connection) {
    this.admin = Admin.create(connection);
  }

  /** Records of {@code topics} the group has not committed yet. */
  public long lag(String group, Collection<String> topics) throws Exception {
    Set<TopicPartition> partitions =
        admin.describeTopics(topics).allTopicNames().get().values().stream()
            .flatMap(
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toSet());
    Map<TopicPartition, Long> ends =
        admin
            .listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
            .all()
            .get()
            .entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      lag += end.getValue() - (at == null ? 0 : at.offset());
    }
    return lag;
  }

  /**
   * Waits until the group has committed everything in {@code topics}, reporting the lag as it
   * shrinks; fails after {@code timeout}.
   */
  public void awaitCaughtUp(
      String group, Collection<String> topics, Duration timeout, LongConsumer progress)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lag;
    while ((lag = lag(group, topics)) > 0) {
      progress.accept(lag);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            group + " still " + lag + " records behind " + topics + " after " + timeout);
      }
      Thread.sleep(100); // polling the broker's committed offsets; bounded by the deadline above
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
