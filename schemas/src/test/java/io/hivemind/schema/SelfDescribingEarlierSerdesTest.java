package io.hivemind.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * A store's or internal topic's values: single-object encoding of the class's own schema, and what
 * the registry's serde wrote there before still read, of any schema version, through it. The
 * "registry" here frames plain Avro with a made-up id, as the Confluent format does.
 */
class SelfDescribingEarlierSerdesTest {

  private static final AvroSerdes PLAIN = AvroSerdes.withoutRegistry();

  @Test
  void shouldWriteSingleObjectEncodingOfTheClassesOwnSchemaAndReadItBack() {
    Serde<WinStats> serde = SelfDescribingSerdes.of(WinStats.class, framed(WinStats.class));
    byte[] bytes = serde.serializer().serialize("store-changelog", stats(3));

    byte[] avro = PLAIN.valueSerde(WinStats.class).serializer().serialize("t", stats(3));
    byte[] header =
        ByteBuffer.allocate(10)
            .order(ByteOrder.LITTLE_ENDIAN)
            .put((byte) 0xC3)
            .put((byte) 0x01)
            .putLong(SelfDescribingSerdes.fingerprint(WinStats.getClassSchema()))
            .array();
    assertThat(bytes).startsWith(header).hasSize(avro.length + 10).endsWith(avro);
    assertThat(serde.deserializer().deserialize("store-changelog", bytes)).isEqualTo(stats(3));
  }

  @Test
  void shouldReadWhatTheRegistrysSerdeWroteBefore() {
    Serde<WinStats> serde = SelfDescribingSerdes.of(WinStats.class, framed(WinStats.class));
    byte[] before = frame(PLAIN.valueSerde(WinStats.class).serializer().serialize("t", stats(5)));

    assertThat(serde.deserializer().deserialize("store-changelog", before)).isEqualTo(stats(5));
  }

  @Test
  void shouldMakeAnEarlierTypeIntoTheInternalOne() {
    Serde<CommunityDelta> serde =
        SelfDescribingSerdes.of(
            CommunityDelta.class,
            framed(CommunityContribution.class),
            earlier ->
                new CommunityDelta(
                    earlier.getExperience().getPnl(),
                    earlier.getExperience().getExitTime(),
                    earlier.getFirstFromUser()));
    CommunityContribution contribution = new CommunityContribution(experience(), true);
    byte[] before =
        frame(
            PLAIN
                .valueSerde(CommunityContribution.class)
                .serializer()
                .serialize("t", contribution));

    assertThat(serde.deserializer().deserialize("repartition", before))
        .isEqualTo(new CommunityDelta(-12.5, Instant.parse("2026-11-20T16:37:45Z"), true));
  }

  @Test
  void shouldRefuseBytesThatAreNoRecordNamingTheTypeAndTopic() {
    Serde<WinStats> serde = SelfDescribingSerdes.of(WinStats.class, framed(WinStats.class));
    byte[] garbage = {(byte) 0xC3, 0x01, (byte) 0xff};

    assertThatThrownBy(() -> serde.deserializer().deserialize("store-changelog", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("WinStats")
        .hasMessageContaining("store-changelog");
  }

  @Test
  void shouldLeaveNullAsNullBothWays() {
    Serde<WinStats> serde = SelfDescribingSerdes.of(WinStats.class, framed(WinStats.class));

    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  /** Reads the Confluent frame (magic byte, a 4-byte id) and plain Avro behind it. */
  private static <T extends org.apache.avro.specific.SpecificRecord> Deserializer<T> framed(
      Class<T> type) {
    Deserializer<T> avro = PLAIN.valueSerde(type).deserializer();
    return (topic, bytes) -> {
      if (bytes[0] != 0) {
        throw new SerializationException(
            "not framed: " + new String(bytes, StandardCharsets.UTF_8));
      }
      byte[] body = new byte[bytes.length - 5];
      System.arraycopy(bytes, 5, body, 0, body.length);
      return avro.deserialize(topic, body);
    };
  }

  private static byte[] frame(byte[] avro) {
    byte[] framed = new byte[avro.length + 5];
    framed[4] = 42;
    System.arraycopy(avro, 0, framed, 5, avro.length);
    return framed;
  }

  private static Experience experience() {
    Instant entry = Instant.parse("2026-11-20T16:32:45Z");
    return new Experience(
        "s-1",
        "alice",
        "ES",
        Side.LONG,
        true,
        entry,
        entry,
        entry.plusSeconds(300),
        Map.of("rsi", 34.2),
        -12.5,
        false,
        "STOP",
        "v1",
        List.of("v1/rth"),
        false);
  }

  private static WinStats stats(long trades) {
    return new WinStats(
        trades, 1L, trades - 1, 10.0, 100.0, 1, 1, Instant.EPOCH, 0.9, trades * 0.9, 3);
  }
}
