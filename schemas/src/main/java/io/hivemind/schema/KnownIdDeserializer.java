package io.hivemind.schema;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The registry's deserializer, which remembers the schema ids it has read: the registry serdes keep
 * every schema they looked up for the life of the process, so a known id is read without the
 * registry. Only an id not read before may wait for it, and with waits refused ({@link
 * RegistryWaits}) such a record throws instead.
 */
final class KnownIdDeserializer<T> implements Deserializer<T> {

  private static final byte CONFLUENT_MAGIC = 0;
  private static final int CONFLUENT_HEADER = 5;

  private final Deserializer<T> registry;
  private final Set<Integer> knownIds = ConcurrentHashMap.newKeySet();

  KnownIdDeserializer(Deserializer<T> registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    registry.configure(configs, isKey);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  @Override
  public T deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    Integer id = framedId(data);
    if (id == null || !knownIds.contains(id)) {
      RegistryWaits.checkMayWait("reading a record of an unknown schema id from " + topic);
    }
    T record =
        headers == null
            ? registry.deserialize(topic, data)
            : registry.deserialize(topic, headers, data);
    if (id != null) {
      knownIds.add(id);
    }
    return record;
  }

  @Override
  public void close() {
    registry.close();
  }

  /** The schema id of a record in the Confluent frame, or null when it is not framed so. */
  private static Integer framedId(byte[] data) {
    if (data.length < CONFLUENT_HEADER || data[0] != CONFLUENT_MAGIC) {
      return null;
    }
    return ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
  }
}
