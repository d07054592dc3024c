package io.hivemind.replay.log;

import io.hivemind.replay.settings.InvalidSettingsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds, by record time, the offsets of a time range in every partition of a topic: from the first
 * record at or after {@code from} to the first at or after {@code to} (or the end). Uses only
 * metadata and {@code offsetsForTimes}: no consumer group, nothing committed.
 */
public final class LogRangeFinder {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Consumer<?, ?> consumer;

  public LogRangeFinder(Consumer<?, ?> consumer) {
    this.consumer = consumer;
  }

  public LogRange find(String topic, Source source, Instant from, Instant to) {
    List<TopicPartition> partitions = partitions(topic);
    Map<TopicPartition, Long> starts = offsetsAt(partitions, from);
    Map<TopicPartition, Long> ends = offsetsAt(partitions, to);
    List<PartitionSlice> slices = new ArrayList<>(partitions.size());
    for (TopicPartition partition : partitions) {
      long start = starts.get(partition);
      slices.add(
          new PartitionSlice(partition.partition(), start, Math.max(start, ends.get(partition))));
    }
    return new LogRange(topic, source, slices);
  }

  private List<TopicPartition> partitions(String topic) {
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(topic, TIMEOUT);
    } catch (KafkaException e) {
      throw new InvalidSettingsException("topics", "topic " + topic + " cannot be read: " + e);
    }
    if (infos == null || infos.isEmpty()) {
      throw new InvalidSettingsException("topics", "topic " + topic + " does not exist");
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : infos) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    partitions.sort(Comparator.comparingInt(TopicPartition::partition));
    return partitions;
  }

  /** Per partition, the first offset whose record time is at or after {@code time}, or the end. */
  private Map<TopicPartition, Long> offsetsAt(List<TopicPartition> partitions, Instant time) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(partition -> query.put(partition, time.toEpochMilli()));
    try {
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
      Map<TopicPartition, Long> offsets = new HashMap<>();
      for (TopicPartition partition : partitions) {
        OffsetAndTimestamp at = found.get(partition);
        offsets.put(partition, at == null ? ends.get(partition) : at.offset());
      }
      return offsets;
    } catch (KafkaException e) {
      throw new InvalidSettingsException(
          "topics", "topic " + partitions.get(0).topic() + " cannot be read: " + e);
    }
  }
}
