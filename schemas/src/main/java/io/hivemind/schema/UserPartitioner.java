package io.hivemind.schema;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Places a user's statistics on the same partition number as the user's events: murmur2 of the
 * UTF-8 user id, as Kafka's default partitioner does for a String key. The learner writes {@code
 * user-stats} with it and the query service uses it to find which instance owns a user.
 */
public final class UserPartitioner implements StreamPartitioner<StatsKey, Object> {

  public static int partitionOf(String userId, int numPartitions) {
    return Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % numPartitions;
  }

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, StatsKey key, Object value, int numPartitions) {
    return Optional.of(Set.of(partitionOf(key.getUserId(), numPartitions)));
  }
}
