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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a control setting and its audit record in one Kafka transaction: a setting is never
 * changed without its audit record, and an audit record never describes a change that did not
 * happen. Commands are rare, so they are written one at a time.
 */
public final class ControlPublisher implements AutoCloseable {

  private final KafkaProducer<String, SpecificRecord> producer;
  private final Topics topics;
  private boolean initialized;

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
   * @throws ControlWriteException when the broker did not take it; nothing was applied then
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
    try {
      ensureInitialized();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topics.control, after.key(), ControlCodec.toAvro(after)));
      producer.send(new ProducerRecord<>(topics.audit, after.scope().toString(), audit));
      producer.commitTransaction();
    } catch (KafkaException e) {
      abortQuietly();
      throw new ControlWriteException("the control command could not be written to Kafka", e);
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
    try {
      if (initialized) {
        producer.abortTransaction();
      }
    } catch (KafkaException ignored) {
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
