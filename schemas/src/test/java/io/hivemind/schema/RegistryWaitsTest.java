package io.hivemind.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/**
 * With waits refused, the registry serdes do what they can without the registry and refuse the
 * rest. Here the "registry" frames records with a made-up id and counts its calls; {@code
 * io.hivemind.testkit.RegistrySerdesTest} runs the same against the real registry.
 */
class RegistryWaitsTest {

  private static final Serializer<WinStats> AVRO =
      AvroSerdes.withoutRegistry().valueSerde(WinStats.class).serializer();
  private static final Deserializer<WinStats> AVRO_READER =
      AvroSerdes.withoutRegistry().valueSerde(WinStats.class).deserializer();

  private final AtomicInteger registryCalls = new AtomicInteger();

  private final Serializer<WinStats> framing =
      (topic, record) -> {
        registryCalls.incrementAndGet();
        return framed(topic.equals("a") ? 7 : 9, AVRO.serialize(topic, record));
      };

  private final Deserializer<WinStats> unframing =
      (topic, bytes) -> {
        registryCalls.incrementAndGet();
        byte[] body = new byte[bytes.length - 5];
        System.arraycopy(bytes, 5, body, 0, body.length);
        return AVRO_READER.deserialize(topic, body);
      };

  @Test
  void shouldRefuseOnlyTheReadOfASchemaIdNotReadBefore() {
    KnownIdDeserializer<WinStats> deserializer = new KnownIdDeserializer<>(unframing);
    byte[] seven = framed(7, AVRO.serialize("a", stats(1)));
    byte[] nine = framed(9, AVRO.serialize("a", stats(2)));

    assertThatThrownBy(
            () -> RegistryWaits.refusedDuring(() -> deserializer.deserialize("a", seven)))
        .isInstanceOf(RegistryWaits.Refused.class);
    assertThat(registryCalls).hasValue(0);

    assertThat(deserializer.deserialize("a", seven)).isEqualTo(stats(1));
    assertThat(RegistryWaits.refusedDuring(() -> deserializer.deserialize("a", seven)))
        .isEqualTo(stats(1));
    assertThatThrownBy(() -> RegistryWaits.refusedDuring(() -> deserializer.deserialize("a", nine)))
        .isInstanceOf(RegistryWaits.Refused.class);
  }

  @Test
  void shouldRefuseOnlyATopicsFirstRecordWritten() {
    KnownIdSerializer<WinStats> serializer = new KnownIdSerializer<>(framing);

    assertThatThrownBy(() -> RegistryWaits.refusedDuring(() -> serializer.serialize("a", stats(1))))
        .isInstanceOf(RegistryWaits.Refused.class);
    assertThat(registryCalls).hasValue(0);

    serializer.serialize("a", stats(1));
    assertThat(RegistryWaits.refusedDuring(() -> serializer.serialize("a", stats(2))))
        .isEqualTo(framing.serialize("a", stats(2)));
  }

  @Test
  void shouldAllowWaitsAgainAfterTheRefusingWorkEndsEvenWhenItFailed() {
    KnownIdDeserializer<WinStats> deserializer = new KnownIdDeserializer<>(unframing);
    byte[] seven = framed(7, AVRO.serialize("a", stats(1)));

    assertThatThrownBy(
            () ->
                RegistryWaits.refusedDuring(
                    () -> {
                      throw new IllegalStateException("the work failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(deserializer.deserialize("a", seven)).isEqualTo(stats(1));
  }

  @Test
  void shouldFindARefusalWrappedByKafkaStreams() {
    RuntimeException wrapped =
        new StreamsException(
            new SerializationException(
                "store read failed", new RegistryWaits.Refused("reading a record")));

    assertThat(RegistryWaits.isRefusal(wrapped)).isTrue();
    assertThat(RegistryWaits.isRefusal(new SerializationException("not a record"))).isFalse();
  }

  private static byte[] framed(int id, byte[] body) {
    byte[] framed = new byte[body.length + 5];
    framed[4] = (byte) id;
    System.arraycopy(body, 0, framed, 5, body.length);
    return framed;
  }

  private static WinStats stats(long trades) {
    return new WinStats(
        trades, 1L, trades - 1, 10.0, 100.0, 1, 1, Instant.EPOCH, 0.9, trades * 0.9, 3);
  }
}
