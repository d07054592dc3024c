package io.hivemind.learner.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.RegistryUnavailableException;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry that cannot be reached is not poison: the decoder fails the record (the task's
 * transaction aborts, on a real broker) instead of dead-lettering it. The service test on a real
 * broker and registry is {@code LearnerRegistryOutageTest}.
 */
class RegistryOutageTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-20T16:32:45Z");

  private final Topics topics = Topics.withDefaultPrefix();
  private volatile boolean registryDown;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Signal> signals;
  private TestInputTopic<String, byte[]> rawSignals;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void startDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "registry-outage-topology-test");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    LearnerSettings settings =
        new LearnerSettings(Duration.ofHours(1), Duration.ofDays(30), PatternScheme.v1());
    driver =
        new TopologyTestDriver(
            new LearnerTopology(new SwitchableRegistry(), topics, settings).build(), props);
    AvroSerdes plain = AvroSerdes.withoutRegistry();
    signals =
        driver.createInputTopic(
            topics.signals,
            Serdes.String().serializer(),
            plain.valueSerde(Signal.class).serializer());
    rawSignals =
        driver.createInputTopic(
            topics.signals, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldFailTheRecordInsteadOfDeadLetteringItWhenTheRegistryCannotBeReached() {
    registryDown = true;

    Throwable failure = catchThrowable(() -> signals.pipeInput("alice", signal(), T0));

    assertThat(failure).hasRootCauseInstanceOf(ConnectException.class);
    assertThat(failure.getCause()).isInstanceOf(RegistryUnavailableException.class);
    assertThat(failure.getCause().getMessage()).contains(topics.signals);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldStillDeadLetterBytesThatAreNotARecord() {
    registryDown = true; // not needed to tell that these bytes are no record

    rawSignals.pipeInput("alice", "not avro".getBytes(StandardCharsets.UTF_8), T0);

    assertThat(deadLetters.readValuesToList())
        .containsExactly("not avro".getBytes(StandardCharsets.UTF_8));
  }

  private static Signal signal() {
    return new Signal("s-1", "alice", "ES", Side.LONG, 4500.25, T0, "vwap_rsi", Map.of());
  }

  /**
   * Serdes without a registry whose deserializers, while {@link #registryDown}, fail well-formed
   * records as Apicurio's serde does when its registry refuses connections (RegistryFaultsTest
   * holds the shape), and still reject bytes that are not a record first.
   */
  private final class SwitchableRegistry implements AvroSerdes {

    private final AvroSerdes plain = AvroSerdes.withoutRegistry();

    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
      return switchable(plain.valueSerde(type));
    }

    @Override
    public <T extends SpecificRecord> Serde<T> keySerde(Class<T> type) {
      return switchable(plain.keySerde(type));
    }

    private <T> Serde<T> switchable(Serde<T> serde) {
      Deserializer<T> reads = serde.deserializer();
      Deserializer<T> failing =
          (topic, bytes) -> {
            T value = reads.deserialize(topic, bytes); // poison fails here, as before a lookup
            if (registryDown) {
              throw new RuntimeException(new RuntimeException(new ConnectException()));
            }
            return value;
          };
      return Serdes.serdeFrom(serde.serializer(), failing);
    }
  }
}
