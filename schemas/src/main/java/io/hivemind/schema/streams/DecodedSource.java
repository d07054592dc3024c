package io.hivemind.schema.streams;

import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * An input topic read as bytes and decoded inside the topology ({@link RecordDecoder}): poison goes
 * to the dead-letter topic with its reason in headers ({@link DeadLetterHeaders}) and processing
 * carries on, where a serde at the source would stop the application on the first bad record.
 *
 * <p>Every node is named from {@code name}: {@code <name>-source}, {@code -decode}, {@code
 * -poison}, {@code -poison-bytes}, {@code -dead-letters}, {@code -valid}, {@code -value}. None of
 * them is persisted (no store, no internal topic), so the names are free, but the learner's have
 * been these from the start.
 */
public final class DecodedSource {

  private DecodedSource() {}

  /**
   * The valid values of {@code topic}; the rest, and those {@code check} rejects (it returns why,
   * or null when the value is fine), to {@code deadLetters}.
   */
  public static <T> KStream<String, T> stream(
      StreamsBuilder builder,
      String topic,
      String name,
      Deserializer<T> deserializer,
      BiFunction<String, T, String> check,
      String deadLetters) {
    KStream<String, Decoded<T>> decoded =
        builder.stream(
                topic,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-source"))
            .processValues(
                () -> new RecordDecoder<>(deserializer, check), Named.as(name + "-decode"));
    decoded
        .filter((key, value) -> value instanceof Decoded.Poison<T>, Named.as(name + "-poison"))
        .mapValues(value -> ((Decoded.Poison<T>) value).raw(), Named.as(name + "-poison-bytes"))
        .to(
            deadLetters,
            Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-dead-letters"));
    return decoded
        .filter((key, value) -> value instanceof Decoded.Valid<T>, Named.as(name + "-valid"))
        .mapValues(value -> ((Decoded.Valid<T>) value).value(), Named.as(name + "-value"));
  }

  /** The values of {@code topic} that decode; the rest to {@code deadLetters}. */
  public static <T> KStream<String, T> stream(
      StreamsBuilder builder,
      String topic,
      String name,
      Deserializer<T> deserializer,
      String deadLetters) {
    return stream(builder, topic, name, deserializer, (key, value) -> null, deadLetters);
  }
}
