package io.hivemind.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The registry's serializer for the first record of each class on each topic, and then the same
 * bytes written here: the frame the registry gave (magic byte and schema id) and Avro binary.
 *
 * <p>Apicurio's serializer rebuilds its view of the writer schema for every record (the schema's
 * JSON text, its references, a cache lookup by that text) before it writes a byte; the schema of a
 * generated class never changes, so its id on a topic does not either. The frame is kept only after
 * checking, on that first record, that the registry's bytes are exactly the frame followed by what
 * this class writes; anything else (ids in headers, another encoding) stays with the registry's
 * serializer for good. A registry that is down fails the first record of a topic as before, and
 * cannot fail any after it, as before (schemas were already cached for the process). With waits
 * refused ({@link RegistryWaits}), a topic's first record throws instead of asking the registry.
 */
final class KnownIdSerializer<T extends SpecificRecord> implements Serializer<T> {

  private static final byte CONFLUENT_MAGIC = 0;
  private static final int CONFLUENT_HEADER = 5;

  /**
   * What is known of one topic: the class whose first record was framed, and the frame and writer
   * that write its later records, or none (then every record goes to the registry's serializer).
   */
  private record Known(Class<?> type, byte[] frame, SpecificDatumWriter<SpecificRecord> writer) {
    static Known registryOnly(Class<?> type) {
      return new Known(type, null, null);
    }

    boolean writes(Object record) {
      return frame != null && record.getClass() == type;
    }
  }

  private final Serializer<T> registry;
  private final Map<String, Known> byTopic = new ConcurrentHashMap<>();

  KnownIdSerializer(Serializer<T> registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    registry.configure(configs, isKey);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    return serialize(topic, null, data);
  }

  @Override
  public byte[] serialize(String topic, Headers headers, T data) {
    if (data == null) {
      return null;
    }
    Known known = byTopic.get(topic);
    if (known != null && known.writes(data)) {
      return write(known, data);
    }
    if (known == null) {
      RegistryWaits.checkMayWait("writing the first record of " + topic);
    }
    int headerCount = headers == null ? 0 : headers.toArray().length;
    byte[] framed =
        headers == null
            ? registry.serialize(topic, data)
            : registry.serialize(topic, headers, data);
    if (known == null) {
      boolean headersUntouched = headers == null || headers.toArray().length == headerCount;
      byTopic.putIfAbsent(topic, learn(data, framed, headersUntouched));
    }
    return framed;
  }

  @Override
  public void close() {
    registry.close();
  }

  private static Known learn(SpecificRecord record, byte[] framed, boolean headersUntouched) {
    Class<?> type = record.getClass();
    if (!headersUntouched
        || framed == null
        || framed.length < CONFLUENT_HEADER
        || framed[0] != CONFLUENT_MAGIC) {
      return Known.registryOnly(type);
    }
    Known candidate =
        new Known(
            type,
            Arrays.copyOf(framed, CONFLUENT_HEADER),
            new SpecificDatumWriter<>(record.getSchema(), SpecificRecordDatumProvider.model()));
    return Arrays.equals(write(candidate, record), framed) ? candidate : Known.registryOnly(type);
  }

  private static byte[] write(Known known, SpecificRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    out.writeBytes(known.frame());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      known.writer().write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "could not encode a " + record.getClass().getSimpleName(), e);
    }
    return out.toByteArray();
  }
}
