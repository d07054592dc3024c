package io.hivemind.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class SelfDescribingSerdesTest {

  private static final Instant AT = Instant.parse("2026-12-02T10:15:30.123Z");

  private final Serde<ControlState> serde = SelfDescribingSerdes.of(ControlState.class);

  private static ControlState halted() {
    return ControlState.newBuilder()
        .setScope("global")
        .setSetting(new ControlTrading(ControlTradingState.HALTED))
        .setCommandId("cmd-1")
        .setUpdatedAt(AT)
        .setUpdatedBy("key:abc/root")
        .setReason("drill")
        .build();
  }

  @Test
  void shouldWriteSingleObjectEncodingNamingTheWriterSchema() {
    byte[] bytes = serde.serializer().serialize("control", halted());

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(fingerprint)
        .isEqualTo(SelfDescribingSerdes.fingerprint(ControlState.getClassSchema()));
  }

  @Test
  void shouldReadBackWhatItWrote() {
    byte[] bytes = serde.serializer().serialize("control", halted());

    assertThat(serde.deserializer().deserialize("control", bytes)).isEqualTo(halted());
  }

  @Test
  void shouldReadRecordsTheRegistrySerdeWroteWithoutAskingTheRegistry() {
    byte[] avro =
        AvroSerdes.withoutRegistry()
            .valueSerde(ControlState.class)
            .serializer()
            .serialize("control", halted());
    byte[] confluent = new byte[5 + avro.length];
    confluent[0] = 0;
    ByteBuffer.wrap(confluent, 1, 4).putInt(4711); // a schema id nobody can look up here
    System.arraycopy(avro, 0, confluent, 5, avro.length);

    assertThat(serde.deserializer().deserialize("control", confluent)).isEqualTo(halted());
  }

  @Test
  void shouldRefuseARecordOfASchemaItWasNeverTold() {
    Schema other = SchemaBuilder.record("Other").fields().requiredString("x").endRecord();
    GenericRecord record = new GenericData.Record(other);
    record.put("x", "y");
    byte[] bytes = toArray(encode(other, record));

    assertThatThrownBy(() -> serde.deserializer().deserialize("control", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a ControlState record of a known schema");
  }

  @Test
  void shouldRefuseBytesThatAreNoRecord() {
    byte[] garbage = "{\"scope\":\"global\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize("control", garbage))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldRefuseAConfluentFrameWithBytesLeftOver() {
    byte[] avro =
        AvroSerdes.withoutRegistry()
            .valueSerde(ControlState.class)
            .serializer()
            .serialize("control", halted());
    byte[] confluent = Arrays.copyOf(new byte[5], 5 + avro.length + 3);
    System.arraycopy(avro, 0, confluent, 5, avro.length);

    assertThatThrownBy(() -> serde.deserializer().deserialize("control", confluent))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldKnowTheSchemaEverySafetyTypeWasWrittenWithThroughTheRegistry() {
    // Fails when ControlState or ControlCommand changes: the records already on the topics were
    // written with the old version, which must then go into WRITER_HISTORY.
    SelfDescribingSerdes.CONFLUENT_ERA.forEach(
        (type, era) -> {
          Schema current = SpecificData.get().getSchema(type);
          assertThat(
                  SelfDescribingSerdes.fingerprint(current) == era
                      || SelfDescribingSerdes.WRITER_HISTORY
                          .getOrDefault(type, Map.of())
                          .containsKey(era))
              .as("the Confluent-era schema of %s is known", type.getSimpleName())
              .isTrue();
        });
  }

  private static ByteBuffer encode(Schema schema, GenericRecord record) {
    try {
      return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
