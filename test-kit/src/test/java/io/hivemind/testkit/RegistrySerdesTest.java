package io.hivemind.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.RegistryWaits;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * The registry serdes write every record of a topic as Apicurio's serializer writes the first one,
 * against the real registry: a record written after the first (from the kept frame) is byte for
 * byte what a fresh serde, asking the registry, writes for it, and reads back.
 */
class RegistrySerdesTest {

  private final KafkaStack stack = KafkaStack.shared();
  private final String topic = "known-ids-" + UUID.randomUUID();

  @Test
  void shouldWriteALaterRecordExactlyAsTheRegistrysSerializerWritesIt() {
    Serde<WinStats> warm = AvroSerdes.registry(stack.registryUrl()).valueSerde(WinStats.class);
    warm.serializer().serialize(topic, stats(1));

    byte[] kept = warm.serializer().serialize(topic, stats(2));
    byte[] asked =
        AvroSerdes.registry(stack.registryUrl())
            .valueSerde(WinStats.class)
            .serializer()
            .serialize(topic, stats(2));

    assertThat(kept).isEqualTo(asked);
    assertThat(warm.deserializer().deserialize(topic, kept)).isEqualTo(stats(2));
  }

  @Test
  void shouldWriteKeysWithHeadersAsTheRegistrysSerializerDoes() {
    // Kafka Streams and producers call the serializer with the record's headers
    Serde<StatsKey> warm = AvroSerdes.registry(stack.registryUrl()).keySerde(StatsKey.class);
    warm.serializer().serialize(topic, new RecordHeaders(), key("u1"));

    RecordHeaders keptHeaders = new RecordHeaders();
    byte[] kept = warm.serializer().serialize(topic, keptHeaders, key("u2"));
    RecordHeaders askedHeaders = new RecordHeaders();
    byte[] asked =
        AvroSerdes.registry(stack.registryUrl())
            .keySerde(StatsKey.class)
            .serializer()
            .serialize(topic, askedHeaders, key("u2"));

    assertThat(kept).isEqualTo(asked);
    assertThat(keptHeaders.toArray()).isEqualTo(askedHeaders.toArray());
    assertThat(warm.deserializer().deserialize(topic, kept)).isEqualTo(key("u2"));
  }

  @Test
  void shouldReadAKnownSchemaIdWithWaitsRefusedAndRefuseOnlyTheFirstRead() {
    Serde<WinStats> writer = AvroSerdes.registry(stack.registryUrl()).valueSerde(WinStats.class);
    byte[] first = writer.serializer().serialize(topic, stats(1));
    byte[] second = writer.serializer().serialize(topic, stats(2));
    Serde<WinStats> reader = AvroSerdes.registry(stack.registryUrl()).valueSerde(WinStats.class);

    assertThatThrownBy(
            () ->
                RegistryWaits.refusedDuring(() -> reader.deserializer().deserialize(topic, first)))
        .isInstanceOf(RegistryWaits.Refused.class);
    assertThat(reader.deserializer().deserialize(topic, first)).isEqualTo(stats(1));
    assertThat(RegistryWaits.refusedDuring(() -> reader.deserializer().deserialize(topic, second)))
        .isEqualTo(stats(2));
  }

  private static StatsKey key(String user) {
    return new StatsKey(user, "ES", Side.LONG, 2, "v1/rth/rsi2/vz1");
  }

  private static WinStats stats(long trades) {
    return new WinStats(
        trades, 1L, trades - 1, 10.0, 100.0, 1, 1, Instant.EPOCH, 0.9, trades * 0.9, 3);
  }
}
