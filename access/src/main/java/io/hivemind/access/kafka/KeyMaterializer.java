package io.hivemind.access.kafka;

import io.hivemind.access.domain.KeyDirectory;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Principal;
import io.hivemind.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * This instance's copy of {@code hivemind.api-keys}: reads the whole topic on its own thread and
 * keeps following it into a {@link KeyDirectory}, so a key is checked without leaving the process
 * and a revocation reaches every instance with the next fetch (polls wait at most {@link #POLL}).
 * Every partition is assigned directly, from the beginning: no consumer group, so every instance
 * sees every record, nothing rebalances and nothing is committed.
 *
 * <p>Start it, then wait (bounded) for {@link #awaitCaughtUp} before answering requests: until then
 * keys that exist may be refused.
 */
public final class KeyMaterializer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KeyMaterializer.class);

  /** The longest a poll waits; a record that arrives ends the wait at once. */
  public static final Duration POLL = Duration.ofMillis(200);

  /** Between looks for a topic that does not exist yet, or after a failed look. */
  static final Duration RETRY = Duration.ofSeconds(1);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KeyDirectory directory = new KeyDirectory();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param connection bootstrap servers and security settings ({@code KafkaConnection.settings})
   */
  public KeyMaterializer(Map<String, Object> connection, Topics topics) {
    this.topic = topics.apiKeys;
    Map<String, Object> settings = new HashMap<>(connection);
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "hivemind-api-keys-" + UUID.randomUUID());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    // Looking up a missing topic must not create it: the broker would make it with its defaults
    // (deleting after 7 days, not compacting), and the provisioner would then leave it so.
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "api-keys-" + topic);
    this.thread.setDaemon(true);
  }

  /** Starts following the topic; returns at once. */
  public KeyMaterializer start() {
    thread.start();
    return this;
  }

  /**
   * Waits until every record that was on the topic when following began is in the directory.
   *
   * @return false if that did not happen within {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  /** The keys as read so far; kept current while the materializer runs. */
  public KeyDirectory directory() {
    return directory;
  }

  /** Who {@code presentedKey} belongs to; empty for a malformed, unknown or revoked key. */
  public Optional<Principal> authenticate(String presentedKey) {
    return directory.authenticate(presentedKey);
  }

  public String topic() {
    return topic;
  }

  private void run() {
    try {
      Map<TopicPartition, Long> ends = assignFromBeginning();
      while (running) {
        try {
          consumer.poll(POLL).forEach(this::apply);
          if (!isCaughtUp() && reached(ends)) {
            caughtUp.countDown();
          }
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // Positions are kept: the next poll goes on from where this one failed.
          LOG.errorf(e, "reading %s failed; retrying in %s", topic, RETRY);
          closing.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /**
   * Assigns every partition from its beginning and returns the end offsets to catch up to; waits
   * (looking again every {@link #RETRY}) while the topic does not exist or the broker is away.
   */
  private Map<TopicPartition, Long> assignFromBeginning() throws InterruptedException {
    while (running) {
      try {
        List<TopicPartition> partitions =
            consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (!partitions.isEmpty()) {
          consumer.assign(partitions);
          consumer.seekToBeginning(partitions);
          return consumer.endOffsets(partitions, Duration.ofSeconds(10));
        }
        LOG.warnf("topic %s not found yet; looking again in %s", topic, RETRY);
      } catch (WakeupException e) {
        throw e;
      } catch (KafkaException e) {
        LOG.warnf("could not look up %s (%s); looking again in %s", topic, e, RETRY);
      }
      closing.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
    throw new WakeupException();
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      if (record.key() != null) {
        directory.remove(new String(record.key(), StandardCharsets.UTF_8));
      }
      return;
    }
    try {
      KeyRecord key = KeyRecordJson.fromJson(record.value());
      String recordKey =
          record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
      if (!key.keyId().equals(recordKey)) {
        throw new IllegalArgumentException("its Kafka key is not its key_id " + key.keyId());
      }
      directory.put(key);
    } catch (RuntimeException e) {
      // Only KeyWriter writes here; a record it cannot have written is skipped, loudly, rather
      // than stopping every later change (a revocation among them). The message never holds the
      // record's bytes.
      LOG.errorf(
          "skipping unreadable key record at %s-%d@%d: %s",
          topic, record.partition(), record.offset(), e.getMessage());
    }
  }

  /** Stops following; the directory keeps what it read. */
  @Override
  public void close() {
    running = false;
    closing.countDown();
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
