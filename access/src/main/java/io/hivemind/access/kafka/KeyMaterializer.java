package io.hivemind.access.kafka;

import io.hivemind.access.domain.KeyDirectory;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Principal;
import io.hivemind.schema.TopicFollower;
import io.hivemind.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * This instance's copy of {@code hivemind.api-keys}: reads the whole topic on its own thread and
 * keeps following it ({@link TopicFollower}, as the control state is followed) into a {@link
 * KeyDirectory}, so a key is checked without leaving the process and a revocation reaches every
 * instance with the next fetch. No consumer group: every instance sees every record, nothing
 * rebalances and nothing is committed.
 *
 * <p>Start it, then wait (bounded) for {@link #awaitCaughtUp} before answering requests: until then
 * keys that exist may be refused. A record it cannot read is never skipped (a revocation could be
 * lost): it is read again, with a growing pause, and the materializer is not caught up until it can
 * be, or until a later record of the same key replaces it.
 */
public final class KeyMaterializer implements AutoCloseable {

  private final KeyDirectory directory = new KeyDirectory();
  private final TopicFollower follower;

  /**
   * @param connection bootstrap servers and security settings ({@code KafkaConnection.settings})
   */
  public KeyMaterializer(Map<String, Object> connection, Topics topics) {
    this.follower =
        new TopicFollower(
            connection,
            topics.apiKeys,
            null,
            batch -> TopicFollower.latestPerKey(batch).forEach(this::apply));
  }

  /** Starts following the topic; returns at once. */
  public KeyMaterializer start() {
    follower.start();
    return this;
  }

  /**
   * Waits until every record that was on the topic when following began is in the directory.
   *
   * @return false if that did not happen within {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  public boolean isCaughtUp() {
    return follower.isCaughtUp();
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
    return follower.topic();
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
      // Skipping it could miss a revocation: the follower hands the batch over again until it
      // can be read (or a later record of the same key replaces it), and until then this
      // instance is not caught up. The message never holds the record's bytes.
      throw new IllegalStateException(
          String.format(
              "unreadable key record at %s-%d@%d: %s",
              follower.topic(), record.partition(), record.offset(), e.getMessage()));
    }
  }

  /** Stops following; the directory keeps what it read. */
  @Override
  public void close() {
    follower.close();
  }
}
