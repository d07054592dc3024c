package io.hivemind.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * When the serializer keeps a topic's frame and when it leaves every record to the registry's
 * serializer. Here the "registry" frames records with a made-up id; {@code
 * io.hivemind.testkit.RegistrySerdesTest} checks the bytes against the real registry.
 */
class KnownIdSerializerTest {

  private static final Serializer<WinStats> AVRO =
      AvroSerdes.withoutRegistry().valueSerde(WinStats.class).serializer();

  /** Frames as the Confluent format does, with schema id 7 on "a" and 9 on any other topic. */
  private final AtomicInteger registryCalls = new AtomicInteger();

  private final Serializer<WinStats> framing =
      (topic, record) -> {
        registryCalls.incrementAndGet();
        byte[] body = AVRO.serialize(topic, record);
        byte[] framed = new byte[body.length + 5];
        framed[4] = (byte) (topic.equals("a") ? 7 : 9);
        System.arraycopy(body, 0, framed, 5, body.length);
        return framed;
      };

  @Test
  void shouldWriteTheRegistrysBytesWithoutAskingItAgainOnceATopicIsFramed() {
    KnownIdSerializer<WinStats> serializer = new KnownIdSerializer<>(framing);

    byte[] first = serializer.serialize("a", stats(1));
    byte[] second = serializer.serialize("a", stats(2));
    byte[] other = serializer.serialize("b", stats(2));

    assertThat(first).isEqualTo(framing.serialize("a", stats(1)));
    assertThat(second).isEqualTo(framing.serialize("a", stats(2)));
    assertThat(other).isEqualTo(framing.serialize("b", stats(2)));
    // the three calls just above, plus one first record per topic
    assertThat(registryCalls).hasValue(3 + 2);
  }

  @Test
  void shouldLeaveEveryRecordToTheRegistryWhenItsIdsGoInHeaders() {
    Serializer<WinStats> headed =
        new Serializer<>() {
          @Override
          public byte[] serialize(String topic, WinStats record) {
            throw new AssertionError("a record with headers is serialized with them");
          }

          @Override
          public byte[] serialize(
              String topic, org.apache.kafka.common.header.Headers headers, WinStats record) {
            registryCalls.incrementAndGet();
            headers.add("apicurio.value.globalId", new byte[] {0, 0, 0, 0, 0, 0, 0, 7});
            return AVRO.serialize(topic, record);
          }
        };
    KnownIdSerializer<WinStats> serializer = new KnownIdSerializer<>(headed);

    for (int i = 0; i < 3; i++) {
      RecordHeaders headers = new RecordHeaders();
      serializer.serialize("a", headers, stats(i));
      assertThat(headers.lastHeader("apicurio.value.globalId")).isNotNull();
    }
    assertThat(registryCalls).hasValue(3);
  }

  @Test
  void shouldLeaveEveryRecordToTheRegistryWhenItsBytesAreNotTheFrameAndAvroBinary() {
    Serializer<WinStats> otherEncoding =
        (topic, record) -> {
          registryCalls.incrementAndGet();
          byte[] framed = framing.serialize(topic, record);
          return Arrays.copyOf(framed, framed.length + 1); // one byte this class would not write
        };
    KnownIdSerializer<WinStats> serializer = new KnownIdSerializer<>(otherEncoding);

    serializer.serialize("a", stats(1));
    serializer.serialize("a", stats(2));

    assertThat(registryCalls).hasValue(2 * 2); // each call counts itself and the framing inside
  }

  @Test
  void shouldWriteNothingForNothing() {
    assertThat(new KnownIdSerializer<>(framing).serialize("a", null)).isNull();
    assertThat(registryCalls).hasValue(0);
  }

  private static WinStats stats(long trades) {
    return new WinStats(
        trades, 1L, trades - 1, 10.0, 100.0, 1, 1, Instant.EPOCH, 0.9, trades * 0.9, 0);
  }
}
