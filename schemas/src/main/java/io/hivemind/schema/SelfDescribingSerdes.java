package io.hivemind.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Records a reader decodes without any network call: the safety path's (control state and its audit
 * trail), so the kill switch never depends on the schema registry (ADR 10), and the values a
 * service alone writes and reads in its own stores and internal topics (ADR 27).
 *
 * <p>Written in Avro's single-object encoding: the two marker bytes {@code C3 01}, the writer
 * schema's 64-bit CRC-64-AVRO fingerprint, then Avro binary. A reader knows every writer schema it
 * may meet by fingerprint (the generated class's own; older versions are added to {@link
 * #WRITER_HISTORY} when a schema changes), so a record it cannot decode is a record of a schema it
 * was never told about, and it says so rather than guessing.
 *
 * <p>Records written before ADR 10 are in the registry's Confluent framing (a zero byte and a
 * 4-byte schema id). Every one of them was written with the first version of its schema, so they
 * are read with that version, known here by its fingerprint ({@link #CONFLUENT_ERA}), and the id is
 * never looked up.
 */
public final class SelfDescribingSerdes {

  private static final byte CONFLUENT_MAGIC = 0;
  private static final int CONFLUENT_HEADER = 5;

  /**
   * The fingerprint of the schema each safety-path type was written with while it went through the
   * registry. If a class's schema no longer has it, that schema changed: put the old version in
   * {@link #WRITER_HISTORY} and read the Confluent-era records with it.
   */
  static final Map<Class<?>, Long> CONFLUENT_ERA =
      Map.of(
          ControlState.class, 0x320a214e753658d8L,
          ControlCommand.class, 0x16205486c1c4cbcaL);

  /** Earlier writer schemas per type, by fingerprint, once a schema has changed: none yet. */
  static final Map<Class<?>, Map<Long, Schema>> WRITER_HISTORY = Map.of();

  private SelfDescribingSerdes() {}

  /** The serde of {@code type}: writes single-object encoding, reads it and the Confluent era. */
  public static <T extends SpecificRecord> Serde<T> of(Class<T> type) {
    SpecificData model = SpecificRecordDatumProvider.model();
    Schema schema = model.getSchema(type);
    SpecificDatumReader<T> confluentEra =
        new SpecificDatumReader<>(confluentEraSchema(type, schema), schema, model);
    return Serdes.serdeFrom(
        serializer(type, model, schema),
        new Reader<>(
            type,
            decoder(type, model, schema),
            bytes -> bytes.length > 0 && bytes[0] == CONFLUENT_MAGIC,
            (topic, bytes) -> {
              try {
                return read(confluentEra, bytes);
              } catch (IOException | RuntimeException e) {
                throw notARecord(type, topic, e);
              }
            }));
  }

  /**
   * The serde of {@code type} for a store or internal topic the registry's serde wrote before: it
   * writes single-object encoding and reads it, and reads any other record (the registry's, in the
   * Confluent framing) through {@code earlier}, of whatever schema version, made into {@code type}
   * by {@code fromEarlier}. A failure of {@code earlier} (the registry unreachable) is its own.
   */
  public static <T extends SpecificRecord, E> Serde<T> of(
      Class<T> type, Deserializer<E> earlier, Function<E, T> fromEarlier) {
    SpecificData model = SpecificRecordDatumProvider.model();
    Schema schema = model.getSchema(type);
    return Serdes.serdeFrom(
        serializer(type, model, schema),
        new Reader<>(
            type,
            decoder(type, model, schema),
            bytes -> !singleObject(bytes),
            (topic, bytes) -> {
              E before = earlier.deserialize(topic, bytes);
              return before == null ? null : fromEarlier.apply(before);
            }));
  }

  /** As {@link #of(Class, Deserializer, Function)}, where the earlier records were {@code type}. */
  public static <T extends SpecificRecord> Serde<T> of(Class<T> type, Deserializer<T> earlier) {
    return of(type, earlier, Function.identity());
  }

  private static <T> BinaryMessageDecoder<T> decoder(
      Class<T> type, SpecificData model, Schema schema) {
    BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(model, schema);
    WRITER_HISTORY.getOrDefault(type, Map.of()).values().forEach(decoder::addSchema);
    return decoder;
  }

  private static <T> Serializer<T> serializer(Class<T> type, SpecificData model, Schema schema) {
    BinaryMessageEncoder<T> encoder = new BinaryMessageEncoder<>(model, schema);
    return (topic, record) -> {
      if (record == null) {
        return null;
      }
      try {
        ByteBuffer buffer = encoder.encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      } catch (IOException e) {
        throw new SerializationException("could not encode a " + type.getSimpleName(), e);
      }
    };
  }

  /**
   * A serializer for records of any generated class, each written as {@link #of} writes its type:
   * for a producer that writes records of several types (a setting and its audit record).
   */
  public static Serializer<SpecificRecord> anyRecord() {
    Map<Class<?>, Serializer<SpecificRecord>> byType = new ConcurrentHashMap<>();
    return (topic, record) ->
        record == null
            ? null
            : byType
                .computeIfAbsent(record.getClass(), SelfDescribingSerdes::serializerOf)
                .serialize(topic, record);
  }

  @SuppressWarnings("unchecked")
  private static Serializer<SpecificRecord> serializerOf(Class<?> type) {
    return (Serializer<SpecificRecord>) of((Class<SpecificRecord>) type).serializer();
  }

  /** The writer schema's fingerprint as single-object encoding puts it in every record. */
  static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /** How a reader reads a record of the earlier format: topic and bytes to a record. */
  private interface EarlierFormat<T> {
    T read(String topic, byte[] bytes);
  }

  /** Whether {@code bytes} start with single-object encoding's marker, {@code C3 01}. */
  private static boolean singleObject(byte[] bytes) {
    return bytes.length >= 2 && bytes[0] == (byte) 0xC3 && bytes[1] == 0x01;
  }

  private static SerializationException notARecord(Class<?> type, String topic, Exception e) {
    return new SerializationException(
        "not a "
            + type.getSimpleName()
            + " record of a known schema on "
            + topic
            + ": "
            + e.getMessage(),
        e);
  }

  private static <T> T read(SpecificDatumReader<T> confluentEra, byte[] bytes) throws IOException {
    if (bytes.length < CONFLUENT_HEADER) {
      throw new IOException("a Confluent frame shorter than its header");
    }
    BinaryDecoder in =
        DecoderFactory.get()
            .binaryDecoder(bytes, CONFLUENT_HEADER, bytes.length - CONFLUENT_HEADER, null);
    T record = confluentEra.read(null, in);
    if (!in.isEnd()) {
      throw new IOException("bytes left over after the record");
    }
    return record;
  }

  private static final class Reader<T> implements Deserializer<T> {

    private final Class<T> type;
    private final BinaryMessageDecoder<T> decoder;
    private final Predicate<byte[]> isEarlier;
    private final EarlierFormat<T> earlier;

    Reader(
        Class<T> type,
        BinaryMessageDecoder<T> decoder,
        Predicate<byte[]> isEarlier,
        EarlierFormat<T> earlier) {
      this.type = type;
      this.decoder = decoder;
      this.isEarlier = isEarlier;
      this.earlier = earlier;
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
      if (bytes == null) {
        return null;
      }
      if (isEarlier.test(bytes)) {
        return earlier.read(topic, bytes);
      }
      try {
        return decoder.decode(bytes);
      } catch (IOException | RuntimeException e) {
        throw notARecord(type, topic, e);
      }
    }
  }

  private static Schema confluentEraSchema(Class<?> type, Schema current) {
    Long era = CONFLUENT_ERA.get(type);
    if (era == null || fingerprint(current) == era) {
      return current;
    }
    Schema old = WRITER_HISTORY.getOrDefault(type, Map.of()).get(era);
    if (old == null) {
      throw new IllegalStateException(
          type.getSimpleName()
              + "'s schema changed but its Confluent-era version is not in WRITER_HISTORY");
    }
    return old;
  }
}
