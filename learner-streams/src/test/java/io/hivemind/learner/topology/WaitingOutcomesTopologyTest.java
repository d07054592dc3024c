package io.hivemind.learner.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.learn.JoinKey;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.streams.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outcomes waiting for their signal: capped per user, listed for the gateway, swept by arrival. */
class WaitingOutcomesTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-20T16:32:45Z");
  private static final Duration HORIZON = Duration.ofHours(1);
  private static final long CAP = 3;

  private final AvroSerdes serdes = AvroSerdes.withoutRegistry();
  private final Topics topics = Topics.withDefaultPrefix();
  private TopologyTestDriver driver;
  private TestInputTopic<String, Signal> signals;
  private TestInputTopic<String, TradeOutcome> outcomes;
  private TestOutputTopic<String, Experience> experiences;
  private TestOutputTopic<String, Long> backlogs;
  private TestOutputTopic<String, TradeOutcome> deadLetters;

  @BeforeEach
  void startDriver() {
    LearnerSettings settings =
        new LearnerSettings(
            HORIZON,
            Duration.ofDays(30),
            PatternScheme.v1(),
            LearnerSettings.DEFAULT_COMMUNITY_CAP_PER_DAY,
            CAP,
            LearnerSettings.DEFAULT_RETRY_HORIZON);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "waiting-outcomes-test");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver = new TopologyTestDriver(new LearnerTopology(serdes, topics, settings).build(), props);
    var stringSer = Serdes.String().serializer();
    var stringDe = Serdes.String().deserializer();
    signals =
        driver.createInputTopic(
            topics.signals, stringSer, serdes.valueSerde(Signal.class).serializer());
    outcomes =
        driver.createInputTopic(
            topics.outcomes, stringSer, serdes.valueSerde(TradeOutcome.class).serializer());
    experiences =
        driver.createOutputTopic(
            topics.experiences, stringDe, serdes.valueSerde(Experience.class).deserializer());
    backlogs =
        driver.createOutputTopic(topics.outcomeBacklogs, stringDe, Serdes.Long().deserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters, stringDe, serdes.valueSerde(TradeOutcome.class).deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private static Signal signal(String user, String id) {
    return new Signal(id, user, "ES", Side.LONG, 4500.25, T0, "vwap_rsi", Map.of("rsi", 34.2));
  }

  private static TradeOutcome outcome(String user, String id) {
    return new TradeOutcome(
        id,
        user,
        "ES",
        Side.LONG,
        4500.0,
        4502.0,
        T0,
        T0.plusSeconds(300),
        1,
        100.0,
        "TARGET",
        false);
  }

  private void orphan(String user, String id, Instant arrival) {
    outcomes.pipeInput(user, outcome(user, id), arrival);
  }

  private static String header(TestRecord<String, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldDeadLetterAnOutcomeOverItsUsersCapWithItsReasonAndNeverLearnIt() {
    for (int i = 0; i < CAP; i++) {
      orphan("mallory", "o-" + i, T0);
    }
    assertThat(deadLetters.isEmpty()).isTrue();

    orphan("mallory", "o-over", T0);
    orphan("alice", "a-1", T0); // another user's backlog is their own

    TestRecord<String, TradeOutcome> letter = deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo("mallory");
    assertThat(letter.value().getSignalId()).isEqualTo("o-over");
    assertThat(header(letter, DeadLetterHeaders.REASON))
        .isEqualTo(
            "3 outcomes of this user are waiting for their signals (at most 3);"
                + " post the signals first");
    assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(topics.outcomes);
    assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("3");
    assertThat(deadLetters.isEmpty()).isTrue();

    // its signal finds nothing waiting, and the horizon learns only the three that waited
    signals.pipeInput("mallory", signal("mallory", "o-over"), T0.plusSeconds(1));
    assertThat(experiences.isEmpty()).isTrue();
    signals.pipeInput("bob", signal("bob", "tick"), T0.plus(HORIZON).plusSeconds(1));
    assertThat(experiences.readValuesToList())
        .extracting(Experience::getSignalId)
        .containsExactlyInAnyOrder("o-0", "o-1", "o-2", "a-1");
  }

  @Test
  void shouldListAFullBacklogForTheGatewayAndTombstoneItOnceBelowTheCap() {
    for (int i = 0; i < CAP; i++) {
      orphan("mallory", "o-" + i, T0);
    }
    assertThat(backlogs.readKeyValue()).isEqualTo(KeyValue.pair("mallory", CAP));
    assertThat(backlogs.isEmpty()).isTrue();

    signals.pipeInput("mallory", signal("mallory", "o-1"), T0.plusSeconds(1));

    assertThat(experiences.readValue().getSignalId()).isEqualTo("o-1");
    assertThat(backlogs.readKeyValue()).isEqualTo(KeyValue.pair("mallory", null));
    assertThat(backlogs.isEmpty()).isTrue();
    KeyValueStore<String, Long> waiting =
        driver.getKeyValueStore(StoreNames.OUTCOMES_WAITING_PER_USER);
    assertThat(waiting.get("mallory")).isEqualTo(2L);
  }

  @Test
  void shouldSweepOnlyTheIndexedOutcomesThatAreDueOldestFirst() {
    orphan("alice", "c", T0);
    orphan("alice", "b", T0.plusSeconds(10));
    orphan("alice", "a", T0.plusSeconds(20));
    // Not in the index: the sweep does not find it, as it reads the index only, never the store.
    KeyValueStore<String, ValueAndTimestamp<TradeOutcome>> pending =
        driver.getTimestampedKeyValueStore(StoreNames.OUTCOMES_PENDING);
    pending.put(
        JoinKey.of("alice", "unindexed"),
        ValueAndTimestamp.make(outcome("alice", "unindexed"), T0.toEpochMilli()));

    signals.pipeInput("bob", signal("bob", "tick"), T0.plus(HORIZON).plusSeconds(10));

    assertThat(experiences.readValuesToList())
        .extracting(Experience::getSignalId)
        .containsExactly("c", "b");
    assertThat(pending.get(JoinKey.of("alice", "a"))).isNotNull();
    assertThat(pending.get(JoinKey.of("alice", "unindexed"))).isNotNull();
    KeyValueStore<String, String> index =
        driver.getKeyValueStore(StoreNames.OUTCOMES_PENDING_BY_ARRIVAL);
    try (var all = index.all()) {
      assertThat(all)
          .toIterable()
          .extracting(entry -> entry.value)
          .containsExactly(JoinKey.of("alice", "a"));
    }
  }

  @Test
  void shouldIndexAndCountOutcomesLeftWaitingByALearnerFromBeforeTheIndex() {
    KeyValueStore<String, ValueAndTimestamp<TradeOutcome>> pending =
        driver.getTimestampedKeyValueStore(StoreNames.OUTCOMES_PENDING);
    for (int i = 0; i < CAP; i++) {
      pending.put(
          JoinKey.of("mallory", "old-" + i),
          ValueAndTimestamp.make(outcome("mallory", "old-" + i), T0.toEpochMilli()));
    }

    // the first record's sweep (punctuation follows processing) indexes and counts the old three
    signals.pipeInput("bob", signal("bob", "first"), T0);
    orphan("mallory", "new", T0.plusSeconds(1));

    assertThat(deadLetters.readValue().getSignalId()).isEqualTo("new");
    signals.pipeInput("bob", signal("bob", "tick"), T0.plus(HORIZON).plusSeconds(1));
    assertThat(experiences.readValuesToList())
        .extracting(Experience::getSignalId)
        .containsExactly("old-0", "old-1", "old-2");
    KeyValueStore<String, Long> waiting =
        driver.getKeyValueStore(StoreNames.OUTCOMES_WAITING_PER_USER);
    assertThat(waiting.get("mallory")).isNull();
  }
}
