package io.hivemind.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Consumer<List<ConsumerRecord<byte[], byte[]>>> onBatch;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param connection bootstrap servers and security settings ({@link KafkaConnection#settings})
   * @param startAt where to start each partition: {@code null} for the beginning, or a time
   */
  public TopicFollower(
      Map<String, Object> connection,
      String topic,
      Instant startAt,
      Consumer<List<ConsumerRecord<byte[], byte[]>>> onBatch) {
    this.topic = topic;
    this.onBatch = onBatch;
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

  /** Whether everything the topic held when following began has been handed to the callback. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
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
    while (running) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
      if (!records.isEmpty()) {
        deliver(records);
      }
      if (caughtUp.getCount() > 0
          && ends.entrySet().stream()
              .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
        caughtUp.countDown();
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
    if (startAt == null) {
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

  private void deliver(ConsumerRecords<byte[], byte[]> records) {
    List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
    records.forEach(batch::add);
    try {
      onBatch.accept(batch);
    } catch (RuntimeException e) {
      // A follower that stops would freeze the fleet's view of control state; one bad batch
      // must not do that.
      LOG.errorf(e, "could not apply %d records of %s", batch.size(), topic);
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
