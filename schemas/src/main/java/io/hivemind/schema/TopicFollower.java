package io.hivemind.schema;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads a whole topic on its own thread and keeps following it: every partition assigned directly
 * (no consumer group, so any number of instances each see everything and nothing rebalances),
 * committed records only. Each poll's records go to {@code onBatch} on the follower's thread.
 * {@link #awaitCaughtUp} tells when everything that was in the topic at start has been handed over.
 *
 * <p>Nothing is skipped: a batch the callback refuses (it throws, say, on a record it cannot
 * decode) is handed over again, from its first record, after a growing pause, until it is taken.
 * Until then the follower is not caught up ({@link #isCaughtUp} is false even if it was before), so
 * a service never acts on a view with a hole in it (DESIGN §12).
 */
public final class TopicFollower implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TopicFollower.class);

  /**
   * How long a poll waits on an idle topic. New records end the wait at once; this only bounds the
   * wait when a transaction's commit marker is all that arrived.
   */
  static final Duration FETCH_MAX_WAIT = Duration.ofMillis(50);

  /** How long to wait between looks for a topic that does not exist yet. */
  static final Duration TOPIC_RETRY = Duration.ofSeconds(1);

  /** The first and the longest pause before a refused batch is handed over again. */
  static final Duration REFUSED_RETRY_FIRST = Duration.ofMillis(100);

  static final Duration REFUSED_RETRY_MAX = Duration.ofSeconds(5);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Consumer<List<ConsumerRecord<byte[], byte[]>>> onBatch;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;
  private final List<Runnable> statusListeners = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  /** Where each partition starts, asked at every (re)start: see {@link #fromOffsets}. */
  private final Supplier<Map<Integer, Long>> startOffsets;

  /** Why the last batch was refused; null while batches are taken. */
  private volatile String refusal;

  /**
   * @param connection bootstrap servers and security settings ({@link KafkaConnection#settings})
   * @param startAt where to start each partition: {@code null} for the beginning, or a time
   */
  public TopicFollower(
      Map<String, Object> connection,
      String topic,
      Instant startAt,
      Consumer<List<ConsumerRecord<byte[], byte[]>>> onBatch) {
    this(connection, topic, startAt, null, onBatch);
  }

  /**
   * A follower that starts each partition at the offset {@code startOffsets} gives for it
   * (partition → the first offset not yet taken), the beginning for a partition it does not name.
   * It is asked again whenever following starts over (the broker away, a leader change): a consumer
   * that counts what it took (a model's trainer) resumes after the last record it took, never
   * reading one twice.
   */
  public static TopicFollower fromOffsets(
      Map<String, Object> connection,
      String topic,
      Supplier<Map<Integer, Long>> startOffsets,
      Consumer<List<ConsumerRecord<byte[], byte[]>>> onBatch) {
    return new TopicFollower(connection, topic, null, startOffsets, onBatch);
  }

  private TopicFollower(
      Map<String, Object> connection,
      String topic,
      Instant startAt,
      Supplier<Map<Integer, Long>> startOffsets,
      Consumer<List<ConsumerRecord<byte[], byte[]>>> onBatch) {
    this.topic = topic;
    this.onBatch = onBatch;
    this.startOffsets = startOffsets;
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) FETCH_MAX_WAIT.toMillis());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Looking up a missing topic must not create it: the broker would make it with its defaults
    // (deleting after 7 days, not compacting), and the provisioner, finding it there, would leave
    // it so.
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(() -> run(startAt), "follow-" + topic);
    this.thread.setDaemon(true);
  }

  public TopicFollower start() {
    thread.start();
    return this;
  }

  /**
   * Whether everything the topic held when following began has been handed to the callback, and the
   * callback took it.
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && refusal == null;
  }

  /** Caught up, and the latest batch was taken: what was handed over has no hole in it. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0 && refusal == null;
  }

  /** Why the callback refused the batch it is being handed again, if it did. */
  public Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** {@code listener} runs on the follower's thread whenever {@link #isCaughtUp} changes. */
  public void onStatusChange(Runnable listener) {
    statusListeners.add(listener);
  }

  /**
   * The records of a compacted topic's batch that still matter: the last one of each key (a later
   * value of the same key replaces an earlier one), in their order. A record without a key always
   * matters.
   */
  public static List<ConsumerRecord<byte[], byte[]>> latestPerKey(
      List<ConsumerRecord<byte[], byte[]>> batch) {
    Set<ByteBuffer> seen = new HashSet<>();
    List<ConsumerRecord<byte[], byte[]>> latest = new ArrayList<>();
    for (int i = batch.size() - 1; i >= 0; i--) {
      ConsumerRecord<byte[], byte[]> record = batch.get(i);
      if (record.key() == null || seen.add(ByteBuffer.wrap(record.key()))) {
        latest.add(record);
      }
    }
    Collections.reverse(latest);
    return latest;
  }

  private void run(Instant startAt) {
    try {
      while (running) {
        try {
          follow(startAt);
        } catch (WakeupException e) {
          return; // closing
        } catch (RuntimeException e) {
          // The broker away at start (timeouts), a leader change...: start over rather than
          // leave the service without control state until someone restarts it. Starting over
          // re-reads what was read; applying a record twice is harmless for every follower.
          LOG.errorf(e, "following %s failed; starting over in %s", topic, TOPIC_RETRY);
          closed.await(TOPIC_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void follow(Instant startAt) throws InterruptedException {
    List<TopicPartition> partitions = assign(startAt);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Duration pause = REFUSED_RETRY_FIRST;
    while (running) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
      if (!records.isEmpty()) {
        boolean wasCaughtUp = isCaughtUp();
        if (!deliver(records)) {
          notifyIfChanged(wasCaughtUp);
          rewind(records);
          closed.await(pause.toMillis(), TimeUnit.MILLISECONDS);
          pause =
              pause.multipliedBy(2).compareTo(REFUSED_RETRY_MAX) > 0
                  ? REFUSED_RETRY_MAX
                  : pause.multipliedBy(2);
          continue;
        }
        pause = REFUSED_RETRY_FIRST;
        notifyIfChanged(wasCaughtUp);
      }
      if (caughtUp.getCount() > 0
          && ends.entrySet().stream()
              .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
        caughtUp.countDown();
        notifyIfChanged(false);
      }
    }
  }

  /** Seeks every partition of a refused batch back to its first record in the batch. */
  private void rewind(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      consumer.seek(partition, records.records(partition).get(0).offset());
    }
  }

  private void notifyIfChanged(boolean wasCaughtUp) {
    if (isCaughtUp() == wasCaughtUp) {
      return;
    }
    for (Runnable listener : statusListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.errorf(e, "a status listener of %s failed", topic);
      }
    }
  }

  /** The topic this follows. */
  public String topic() {
    return topic;
  }

  /** Waits (bounded by the client's own timeouts, retried) until the topic exists. */
  private List<TopicPartition> assign(Instant startAt) throws InterruptedException {
    List<TopicPartition> partitions = List.of();
    while (running && partitions.isEmpty()) {
      partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      if (partitions.isEmpty()) {
        LOG.warnf("topic %s not found yet; retrying in %s", topic, TOPIC_RETRY);
        // the lookup answers at once for a missing topic: without a pause this loop would spin
        closed.await(TOPIC_RETRY.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    consumer.assign(partitions);
    if (startOffsets != null) {
      Map<Integer, Long> offsets = startOffsets.get();
      for (TopicPartition partition : partitions) {
        Long next = offsets.get(partition.partition());
        if (next == null) {
          consumer.seekToBeginning(List.of(partition));
        } else {
          consumer.seek(partition, next);
        }
      }
    } else if (startAt == null) {
      consumer.seekToBeginning(partitions);
    } else {
      Map<TopicPartition, Long> times =
          partitions.stream()
              .collect(Collectors.toMap(partition -> partition, p -> startAt.toEpochMilli()));
      consumer
          .offsetsForTimes(times)
          .forEach(
              (partition, found) -> {
                if (found == null) {
                  consumer.seekToEnd(List.of(partition));
                } else {
                  consumer.seek(partition, found.offset());
                }
              });
    }
    return partitions;
  }

  /** Hands the batch over; false, with the reason kept, when the callback refused it. */
  private boolean deliver(ConsumerRecords<byte[], byte[]> records) {
    List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
    records.forEach(batch::add);
    try {
      onBatch.accept(batch);
      if (refusal != null) {
        LOG.infof("%s: the refused records were taken; following again", topic);
      }
      refusal = null;
      return true;
    } catch (RuntimeException e) {
      // Skipping would leave a hole in the view (a halt read as active, a revocation missed):
      // the batch is handed over again until it is taken, and until then nobody trusts the view.
      if (refusal == null) {
        LOG.errorf(
            e, "%s: %d records refused; retrying, not caught up until taken", topic, batch.size());
      } else {
        LOG.errorf("%s: records still refused: %s", topic, e.getMessage());
      }
      refusal = String.valueOf(e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    running = false;
    closed.countDown();
    if (!thread.isAlive()) {
      consumer.close(Duration.ofSeconds(2));
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
