package io.hivemind.replay.log;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of several topic slices as one sequence, in the order a Kafka Streams task processes
 * them: each partition in offset order, and among partitions the one whose next record is oldest
 * (record time) first. A record is handed out only once every unfinished partition has one waiting,
 * as a task that knows a partition has more data waits for it. Partitions are assigned, never
 * subscribed: no consumer group, nothing committed, live consumers undisturbed.
 */
public final class MergedLog implements AutoCloseable {

  /** Records buffered per partition before it is paused: bounds memory on any backlog. */
  static final int MAX_BUFFERED = 2_000;

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration STALL = Duration.ofSeconds(60);
  private static final Comparator<Lane> OLDEST_FIRST =
      Comparator.<Lane>comparingLong(lane -> lane.records.peekFirst().timestamp())
          .thenComparing(lane -> lane.source)
          .thenComparingInt(lane -> lane.partition.partition());

  private final Consumer<String, byte[]> consumer;
  private final List<Lane> lanes = new ArrayList<>();
  private final Map<TopicPartition, Lane> byPartition = new HashMap<>();

  public MergedLog(Consumer<String, byte[]> consumer, List<LogRange> ranges) {
    this.consumer = consumer;
    for (LogRange range : ranges) {
      for (PartitionSlice slice : range.partitions()) {
        if (slice.size() > 0) {
          Lane lane =
              new Lane(range.source(), new TopicPartition(range.topic(), slice.partition()), slice);
          lanes.add(lane);
          byPartition.put(lane.partition, lane);
        }
      }
    }
    consumer.assign(byPartition.keySet());
    lanes.forEach(lane -> consumer.seek(lane.partition, lane.slice.fromOffset()));
  }

  /** The next record in merged order, or null at the end of every slice. */
  public LogEvent next() {
    fillEveryOpenLane();
    Lane oldest = null;
    for (Lane lane : lanes) {
      if (!lane.records.isEmpty() && (oldest == null || OLDEST_FIRST.compare(lane, oldest) < 0)) {
        oldest = lane;
      }
    }
    if (oldest == null) {
      return null;
    }
    ConsumerRecord<String, byte[]> record = oldest.records.pollFirst();
    if (oldest.paused && oldest.records.size() < MAX_BUFFERED / 2) {
      consumer.resume(Set.of(oldest.partition));
      oldest.paused = false;
    }
    return new LogEvent(
        oldest.source,
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.key(),
        record.value());
  }

  private void fillEveryOpenLane() {
    long stalledSince = System.nanoTime();
    while (lanes.stream().anyMatch(Lane::waiting)) {
      ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
      for (ConsumerRecord<String, byte[]> record : polled) {
        Lane lane = byPartition.get(new TopicPartition(record.topic(), record.partition()));
        if (record.offset() < lane.slice.toOffset()) {
          lane.records.addLast(record);
        }
      }
      for (Lane lane : lanes) {
        if (!lane.finished && consumer.position(lane.partition) >= lane.slice.toOffset()) {
          lane.finished = true; // read to the end of the slice (aborted records skipped)
        }
        if (!lane.paused && (lane.finished || lane.records.size() >= MAX_BUFFERED)) {
          consumer.pause(Set.of(lane.partition));
          lane.paused = true;
        }
      }
      if (!polled.isEmpty()) {
        stalledSince = System.nanoTime();
      } else if (System.nanoTime() - stalledSince > STALL.toNanos()) {
        throw new IllegalStateException(
            "no records for "
                + STALL.toSeconds()
                + " s from "
                + lanes.stream()
                    .filter(Lane::waiting)
                    .map(lane -> lane.partition.toString())
                    .collect(Collectors.joining(", ")));
      }
    }
  }

  @Override
  public void close() {
    consumer.close();
  }

  private static final class Lane {
    final Source source;
    final TopicPartition partition;
    final PartitionSlice slice;
    final ArrayDeque<ConsumerRecord<String, byte[]>> records = new ArrayDeque<>();
    boolean finished;
    boolean paused;

    Lane(Source source, TopicPartition partition, PartitionSlice slice) {
      this.source = source;
      this.partition = partition;
      this.slice = slice;
    }

    boolean waiting() {
      return records.isEmpty() && !finished;
    }
  }
}
