package io.hivemind.control.kafka;

import io.hivemind.control.domain.ControlEntry;
import io.hivemind.schema.ControlCommand;
import io.hivemind.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a control setting and its audit record in one Kafka transaction: a setting is never
 * changed without its audit record, and an audit record never describes a change that did not
 * happen. Commands are rare, so they are written one at a time.
 */
public final class ControlPublisher implements AutoCloseable {

  /** The key of the warm-up transaction's records, which are aborted and never read. */
  static final String WARM_UP_KEY = "warm-up";

  private final KafkaProducer<String, SpecificRecord> producer;
  private final Topics topics;
  private boolean initialized;

  /** A commit or abort that timed out: Kafka refuses any other transactional call until retried. */
  private Runnable unfinished;

  public ControlPublisher(
      Map<String, Object> connection,
      Topics topics,
      Serializer<SpecificRecord> values,
      Duration timeout) {
    this.topics = topics;
    Map<String, Object> settings = new HashMap<>(connection);
    // One transactional id per process: each instance writes only its own commands, and an
    // instance that dies mid-transaction is aborted by the broker after the transaction timeout.
    settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "hivemind-control-" + UUID.randomUUID());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    settings.put(
        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.max(timeout.toMillis(), 10_000));
    this.producer = new KafkaProducer<>(settings, new StringSerializer(), values);
  }

  /**
   * Applies {@code after}, replacing {@code before}, and records it as {@code command} issued by
   * {@code actor}. Returns once the transaction has committed.
   *
   * @throws ControlWriteException when the broker did not take it; nothing was applied then, unless
   *     the commit timed out: then it may still apply ({@link ControlView#awaitCommand} tells)
   */
  public synchronized void publish(
      String command, String actor, Optional<ControlEntry> before, ControlEntry after) {
    ControlCommand audit =
        ControlCommand.newBuilder()
            .setCommandId(after.provenance().commandId())
            .setCommand(command)
            .setScope(after.scope().toString())
            .setActor(actor)
            .setReason(after.provenance().reason())
            .setIssuedAt(after.provenance().at())
            .setBefore(before.map(ControlCodec::toAvro).orElse(null))
            .setAfter(ControlCodec.toAvro(after))
            .build();
    boolean committing = false;
    try {
      ensureInitialized();
      finishUnfinished();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topics.control, after.key(), ControlCodec.toAvro(after)));
      producer.send(new ProducerRecord<>(topics.audit, after.scope().toString(), audit));
      committing = true;
      producer.commitTransaction();
    } catch (RuntimeException e) {
      if (committing && e instanceof TimeoutException) {
        // The commit may still land; Kafka allows only retrying it, which the next publish does.
        unfinished = producer::commitTransaction;
        throw new ControlWriteException(
            "committing the control command timed out: it may still apply", e);
      }
      // Not only KafkaException: a serializer failing otherwise (the registry away) leaves the
      // transaction open, and every later beginTransaction would fail until it is aborted.
      abortQuietly();
      throw new ControlWriteException("the control command could not be written to Kafka", e);
    }
  }

  /**
   * Does now what the first command would otherwise wait for: the transaction coordinator's lookup
   * and the producer id ({@code initTransactions}), the metadata of both topics, and a first
   * transaction over both partitions, which is aborted: every reader of these topics reads
   * committed records only, so nobody ever sees its two tombstones. Measured before this existed,
   * the first command after a start took 4–11 s to reach the bots; call it at startup, off the
   * startup thread.
   */
  public synchronized void warmUp() {
    ensureInitialized();
    finishUnfinished();
    try {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topics.control, WARM_UP_KEY, null));
      producer.send(new ProducerRecord<>(topics.audit, WARM_UP_KEY, null));
      producer.flush();
    } finally {
      abortQuietly();
    }
  }

  /** Retries the commit or abort that timed out, before a new transaction may begin. */
  private void finishUnfinished() {
    Runnable retry = unfinished;
    unfinished = null;
    if (retry != null) {
      try {
        retry.run();
      } catch (TimeoutException e) {
        unfinished = retry;
        throw e;
      }
    }
  }

  /** Lazily, so a service starts even while the broker is briefly away. */
  private void ensureInitialized() {
    if (!initialized) {
      producer.initTransactions();
      initialized = true;
    }
  }

  private void abortQuietly() {
    if (!initialized || unfinished != null) {
      return;
    }
    try {
      producer.abortTransaction();
    } catch (TimeoutException e) {
      unfinished = producer::abortTransaction;
    } catch (RuntimeException ignored) {
      // the transaction times out on the broker instead
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }

  /** The command was not applied; the caller may retry it. */
  public static final class ControlWriteException extends RuntimeException {
    ControlWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
