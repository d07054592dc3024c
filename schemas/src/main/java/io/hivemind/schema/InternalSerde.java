package io.hivemind.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The values of a service's internal topics and stores (a repartition topic, a store and its
 * changelog), which only the service itself writes and reads: Avro binary of the generated class's
 * own schema behind a one-byte mark, {@link #MARK}, and no registry. The schema stays in this
 * module and the bytes stay Avro, but a record costs no registry lookup, no frame and no schema
 * resolution, and a registry outage cannot touch it.
 *
 * <p>What the service wrote there before (registry-framed records, which start with the Confluent
 * magic byte 0) is still read, through the earlier deserializer and {@code fromEarlier}: a store
 * and a topic written by the previous version read on after an upgrade. A change to the class's
 * schema needs a new mark and a reader for the old one.
 */
public final class InternalSerde {

  /** The first byte of a record written here: version 1 of the class's own schema. */
  static final byte MARK = 1;

  private InternalSerde() {}

  /**
   * Values of {@code type}, reading what the registry's serde wrote before through {@code earlier}.
   */
  public static <T extends SpecificRecord> Serde<T> of(Class<T> type, Deserializer<T> earlier) {
    return of(type, earlier, Function.identity());
  }

  /**
   * Values of {@code type}, where the service wrote records of another type before: those are read
   * through {@code earlier} and made into {@code type} by {@code fromEarlier}.
   */
  public static <T extends SpecificRecord, E> Serde<T> of(
      Class<T> type, Deserializer<E> earlier, Function<E, T> fromEarlier) {
    return Serdes.serdeFrom(new Writer<>(type), new Reader<>(type, earlier, fromEarlier));
  }

  private static final class Writer<T extends SpecificRecord> implements Serializer<T> {
    private final ThreadLocal<SpecificDatumWriter<T>> writers;

    Writer(Class<T> type) {
      this.writers =
          ThreadLocal.withInitial(
              () ->
                  new SpecificDatumWriter<>(
                      SpecificRecordDatumProvider.model().getSchema(type),
                      SpecificRecordDatumProvider.model()));
    }

    @Override
    public byte[] serialize(String topic, T record) {
      if (record == null) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(64);
      out.write(MARK);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      try {
        writers.get().write(record, encoder);
        encoder.flush();
      } catch (IOException | RuntimeException e) {
        throw new SerializationException(
            "could not encode a " + record.getClass().getSimpleName() + " for " + topic, e);
      }
      return out.toByteArray();
    }
  }

  private static final class Reader<T extends SpecificRecord, E> implements Deserializer<T> {
    private final Class<T> type;
    private final ThreadLocal<SpecificDatumReader<T>> readers;
    private final Deserializer<E> earlier;
    private final Function<E, T> fromEarlier;

    Reader(Class<T> type, Deserializer<E> earlier, Function<E, T> fromEarlier) {
      this.type = type;
      this.earlier = earlier;
      this.fromEarlier = fromEarlier;
      this.readers =
          ThreadLocal.withInitial(
              () ->
                  new SpecificDatumReader<>(
                      SpecificRecordDatumProvider.model().getSchema(type),
                      SpecificRecordDatumProvider.model().getSchema(type),
                      SpecificRecordDatumProvider.model()));
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
      if (bytes == null) {
        return null;
      }
      if (bytes.length == 0 || bytes[0] != MARK) {
        E before = earlier.deserialize(topic, bytes);
        return before == null ? null : fromEarlier.apply(before);
      }
      try {
        return readers
            .get()
            .read(null, DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null));
      } catch (IOException | RuntimeException e) {
        throw new SerializationException(
            "not a " + type.getSimpleName() + " record on " + topic, e);
      }
    }
  }
}
