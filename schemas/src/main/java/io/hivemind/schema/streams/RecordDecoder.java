package io.hivemind.schema.streams;

import io.hivemind.schema.RegistryFaults;
import io.hivemind.schema.RegistryUnavailableException;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Deserializes an input record inside the topology, so that a record that is not a valid value
 * becomes poison with its reason in headers instead of stopping the application. {@code check}
 * returns why a well-formed value is still unusable (for example a key that is not its user), or
 * null when it is fine.
 *
 * <p>A schema registry that cannot be reached says nothing about the bytes: that failure leaves as
 * a {@link RegistryUnavailableException}, the task's transaction is aborted (nothing it wrote in
 * it, dead letters included, is ever read) and the record is read again by the thread that replaces
 * this one (ADR 11).
 */
final class RecordDecoder<T> implements FixedKeyProcessor<String, byte[], Decoded<T>> {

  private final Deserializer<T> deserializer;
  private final BiFunction<String, T, String> check;
  private FixedKeyProcessorContext<String, Decoded<T>> context;

  RecordDecoder(Deserializer<T> deserializer, BiFunction<String, T, String> check) {
    this.deserializer = deserializer;
    this.check = check;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decoded<T>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
    String problem;
    T value = null;
    if (record.value() == null) {
      problem = "empty value";
    } else {
      try {
        // Without headers: the schema id travels in the payload (Confluent framing).
        value = deserializer.deserialize(topic, record.value());
        problem = value == null ? "empty value" : check.apply(record.key(), value);
      } catch (RuntimeException e) {
        RegistryFaults.throwIfTransport(e, topic);
        problem = "not deserializable: " + e.getMessage();
      }
    }
    if (problem == null) {
      context.forward(record.withValue(new Decoded.Valid<>(value)));
      return;
    }
    DeadLetterHeaders.add(record.headers(), DeadLetterHeaders.REASON, problem);
    DeadLetterHeaders.add(record.headers(), DeadLetterHeaders.TOPIC, topic);
    context
        .recordMetadata()
        .ifPresent(
            meta -> {
              DeadLetterHeaders.add(
                  record.headers(), DeadLetterHeaders.PARTITION, meta.partition());
              DeadLetterHeaders.add(record.headers(), DeadLetterHeaders.OFFSET, meta.offset());
            });
    context.forward(record.withValue(new Decoded.Poison<>(record.value())));
  }
}
