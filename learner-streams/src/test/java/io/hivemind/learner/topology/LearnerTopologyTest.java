package io.hivemind.learner.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityContribution;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.WinStats;
import io.hivemind.schema.streams.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearnerTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-20T16:32:45Z"); // 11:32 in New York
  private static final Duration HORIZON = Duration.ofHours(1);
  private static final int CAP_PER_DAY = 3;
  private static final Map<String, Double> FEATURES = Map.of("rsi", 34.2, "vwap_z", -2.15);

  private final AvroSerdes serdes = AvroSerdes.withoutRegistry();
  private final Topics topics = Topics.withDefaultPrefix();
  private TopologyTestDriver driver;
  private TestInputTopic<String, Signal> signals;
  private TestInputTopic<String, TradeOutcome> outcomes;
  private TestInputTopic<String, byte[]> rawSignals;
  private TestOutputTopic<String, Experience> experiences;
  private TestOutputTopic<StatsKey, WinStats> userStats;
  private TestOutputTopic<CommunityStatsKey, WinStats> communityStats;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void startDriver() {
    LearnerSettings settings =
        new LearnerSettings(
            HORIZON,
            Duration.ofDays(30),
            PatternScheme.v1(),
            CAP_PER_DAY,
            LearnerSettings.DEFAULT_MAX_WAITING_OUTCOMES_PER_USER,
            LearnerSettings.DEFAULT_RETRY_HORIZON);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "learner-topology-test");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver = new TopologyTestDriver(new LearnerTopology(serdes, topics, settings).build(), props);
    var stringSer = Serdes.String().serializer();
    signals =
        driver.createInputTopic(
            topics.signals, stringSer, serdes.valueSerde(Signal.class).serializer());
    outcomes =
        driver.createInputTopic(
            topics.outcomes, stringSer, serdes.valueSerde(TradeOutcome.class).serializer());
    rawSignals =
        driver.createInputTopic(topics.signals, stringSer, Serdes.ByteArray().serializer());
    var stringDe = Serdes.String().deserializer();
    experiences =
        driver.createOutputTopic(
            topics.experiences, stringDe, serdes.valueSerde(Experience.class).deserializer());
    userStats =
        driver.createOutputTopic(
            topics.userStats,
            serdes.keySerde(StatsKey.class).deserializer(),
            serdes.valueSerde(WinStats.class).deserializer());
    communityStats =
        driver.createOutputTopic(
            topics.communityStats,
            serdes.keySerde(CommunityStatsKey.class).deserializer(),
            serdes.valueSerde(WinStats.class).deserializer());
    deadLetters =
        driver.createOutputTopic(topics.deadLetters, stringDe, Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private static Signal signal(String user, String id, Instant time) {
    return new Signal(id, user, "ES", Side.LONG, 4500.25, time, "vwap_rsi", FEATURES);
  }

  private static TradeOutcome outcome(String user, String id, double pnl, Instant exit) {
    return outcome(user, id, pnl, exit, false);
  }

  private static TradeOutcome outcome(
      String user, String id, double pnl, Instant exit, boolean privateUser) {
    return new TradeOutcome(
        id,
        user,
        "ES",
        Side.LONG,
        4500.0,
        4500.0 + pnl / 50,
        exit.minusSeconds(300),
        exit,
        1,
        pnl,
        pnl > 0 ? "TARGET" : "STOP",
        privateUser);
  }

  private void trade(String user, String id, double pnl, Instant time) {
    signals.pipeInput(user, signal(user, id, time), time);
    outcomes.pipeInput(user, outcome(user, id, pnl, time.plusSeconds(300)), time.plusSeconds(300));
  }

  private WinStats userStatsAt(String user, int level, String pattern) {
    KeyValueStore<StatsKey, WinStats> store = driver.getKeyValueStore(StoreNames.USER_STATS);
    return store.get(new StatsKey(user, "ES", Side.LONG, level, pattern));
  }

  private WinStats communityStatsAt(int level, String pattern) {
    KeyValueStore<CommunityStatsKey, WinStats> store =
        driver.getKeyValueStore(StoreNames.COMMUNITY_STATS);
    return store.get(new CommunityStatsKey("ES", Side.LONG, level, pattern));
  }

  @Test
  void shouldCountARetriedSignalAndOutcomeOnce() {
    for (int attempt = 0; attempt < 3; attempt++) {
      trade("alice", "s-1", 100, T0);
    }

    List<Experience> learned = experiences.readValuesToList();
    assertThat(learned).hasSize(1);
    assertThat(userStatsAt("alice", 0, "v1").getTrades()).isEqualTo(1);
    assertThat(communityStatsAt(0, "v1").getTrades()).isEqualTo(1);
  }

  @Test
  void shouldCountAPrivateUsersTradeInTheirOwnStatisticsOnly() {
    trade("alice", "s-1", 100, T0);
    communityStats.readKeyValuesToList(); // alice's: the community exists before

    signals.pipeInput("carol", signal("carol", "s-2", T0), T0);
    outcomes.pipeInput(
        "carol", outcome("carol", "s-2", 100, T0.plusSeconds(300), true), T0.plusSeconds(300));

    List<Experience> learned = experiences.readValuesToList();
    assertThat(learned).extracting(Experience::getPrivateUser).containsExactly(false, true);
    assertThat(userStatsAt("carol", 0, "v1").getTrades()).isEqualTo(1);
    assertThat(userStatsAt("carol", 2, "v1/mid/rsi6/vz-5").getWins()).isEqualTo(1);
    assertThat(userStats.readKeyValuesToMap().keySet())
        .extracting(StatsKey::getUserId)
        .contains("carol");
    assertThat(communityStats.isEmpty()).as("no community record for carol's trade").isTrue();
    assertThat(communityStatsAt(0, "v1").getTrades()).as("alice's only").isEqualTo(1);
  }

  @Test
  void shouldJoinAnOutcomeThatArrivesBeforeItsSignal() {
    Instant exit = T0.plusSeconds(300);
    outcomes.pipeInput("alice", outcome("alice", "s-1", 100, exit), exit);
    assertThat(experiences.isEmpty()).isTrue();

    signals.pipeInput("alice", signal("alice", "s-1", T0), T0);

    Experience experience = experiences.readValue();
    assertThat(experience.getSignalMatched()).isTrue();
    assertThat(experience.getFeatures()).isEqualTo(FEATURES);
    assertThat(experience.getPatterns()).containsExactly("v1", "v1/mid", "v1/mid/rsi6/vz-5");
    assertThat(experiences.isEmpty()).isTrue();
  }

  @Test
  void shouldJoinAnOutcomeThatArrivesAfterItsSignal() {
    trade("alice", "s-1", -50, T0);

    Experience experience = experiences.readValue();
    assertThat(experience.getSignalMatched()).isTrue();
    assertThat(experience.getWin()).isFalse();
    assertThat(experience.getSignalTime()).isEqualTo(T0);
    assertThat(experiences.isEmpty()).isTrue();
  }

  @Test
  void shouldLearnAnOutcomeWhoseSignalNeverCameAtTheLevelsItsOwnFieldsAllow() {
    Instant exit = T0.plusSeconds(300);
    outcomes.pipeInput("alice", outcome("alice", "orphan", 100, exit), exit);
    assertThat(experiences.isEmpty()).isTrue();

    // another user's traffic moves stream time past the join horizon
    trade("bob", "s-2", 10, exit.plus(HORIZON).plusSeconds(60));

    Map<String, Experience> learned =
        experiences.readRecordsToList().stream()
            .map(TestRecord::value)
            .collect(java.util.stream.Collectors.toMap(Experience::getSignalId, e -> e));
    Experience orphan = learned.get("orphan");
    assertThat(orphan.getSignalMatched()).isFalse();
    assertThat(orphan.getSignalTime()).isNull();
    assertThat(orphan.getPatterns()).containsExactly("v1", "v1/mid");
    assertThat(userStatsAt("alice", 1, "v1/mid").getTrades()).isEqualTo(1);

    // the late signal does not count the trade a second time
    signals.pipeInput("alice", signal("alice", "orphan", T0), exit.plus(HORIZON));
    outcomes.pipeInput("alice", outcome("alice", "orphan", 100, exit), exit.plus(HORIZON));
    assertThat(experiences.isEmpty()).isTrue();
    assertThat(userStatsAt("alice", 0, "v1").getTrades()).isEqualTo(1);
  }

  @Test
  void shouldAggregateStatisticsPerLevelAndPerUser() {
    trade("alice", "a-1", 100, T0);
    trade("alice", "a-2", 80, T0.plusSeconds(600));
    trade("alice", "a-3", -40, T0.plusSeconds(1200));
    trade("bob", "b-1", -20, T0.plusSeconds(1800));

    WinStats alice = userStatsAt("alice", 0, "v1");
    assertThat(alice.getTrades()).isEqualTo(3);
    assertThat(alice.getWins()).isEqualTo(2);
    assertThat(alice.getLosses()).isEqualTo(1);
    assertThat(alice.getPnlSum()).isEqualTo(140.0);
    assertThat(alice.getBestStreak()).isEqualTo(2);
    assertThat(alice.getCurrentStreak()).isEqualTo(-1);
    assertThat(userStatsAt("alice", 2, "v1/mid/rsi6/vz-5").getTrades()).isEqualTo(3);
    assertThat(userStatsAt("bob", 0, "v1").getWins()).isZero();
    assertThat(communityStatsAt(0, "v1").getTrades()).isEqualTo(4);
    assertThat(communityStatsAt(2, "v1/mid/rsi6/vz-5").getWins()).isEqualTo(2);

    Map<StatsKey, WinStats> latestUserStats = userStats.readKeyValuesToMap();
    assertThat(latestUserStats).hasSize(6); // 2 users x 3 levels
    assertThat(latestUserStats.get(new StatsKey("alice", "ES", Side.LONG, 0, "v1")))
        .isEqualTo(alice);
    assertThat(communityStats.readKeyValuesToMap()).hasSize(3);
  }

  @Test
  void shouldCountEachUserOnceAmongACommunityStatisticsContributors() {
    trade("alice", "a-1", 100, T0);
    trade("alice", "a-2", 100, T0.plusSeconds(60));
    trade("bob", "b-1", -20, T0.plusSeconds(120));
    trade("alice", "a-3", 100, T0.plusSeconds(180));

    assertThat(communityStatsAt(0, "v1").getContributors()).isEqualTo(2);
    assertThat(communityStatsAt(2, "v1/mid/rsi6/vz-5").getContributors()).isEqualTo(2);
    assertThat(communityStatsAt(0, "v1").getTrades()).isEqualTo(4);
    assertThat(userStatsAt("alice", 0, "v1").getContributors())
        .as("a user's own statistics count no contributors")
        .isZero();
  }

  @Test
  void shouldCountAContributionAnEarlierLearnerLeftInTheRepartitionTopic() {
    trade("alice", "a-1", 100, T0);
    Experience bobs = experiences.readValuesToList().get(0);
    bobs.setUserId("bob");
    bobs.setSignalId("b-1");
    bobs.setPnl(-20.0);
    bobs.setWin(false);
    // what a learner before the compact delta wrote: the whole experience and the mark
    TestInputTopic<CommunityStatsKey, CommunityContribution> earlier =
        driver.createInputTopic(
            "learner-topology-test-community-contributions-repartition",
            serdes.keySerde(CommunityStatsKey.class).serializer(),
            serdes.valueSerde(CommunityContribution.class).serializer());

    earlier.pipeInput(
        new CommunityStatsKey("ES", Side.LONG, 0, "v1"),
        new CommunityContribution(bobs, true),
        T0.plusSeconds(600));

    WinStats community = communityStatsAt(0, "v1");
    assertThat(community.getTrades()).isEqualTo(2);
    assertThat(community.getWins()).isEqualTo(1);
    assertThat(community.getPnlSum()).isEqualTo(80.0);
    assertThat(community.getContributors()).isEqualTo(2);
  }

  @Test
  void shouldCountAtMostTheCapOfOneUsersTradesPerDayInTheCommunity() {
    for (int i = 0; i < 10; i++) {
      trade("mallory", "m-" + i, 100, T0.plusSeconds(i));
    }
    trade("bob", "b-1", 100, T0.plusSeconds(30));

    assertThat(userStatsAt("mallory", 0, "v1").getTrades()).as("her own: all").isEqualTo(10);
    assertThat(communityStatsAt(0, "v1").getTrades()).isEqualTo(CAP_PER_DAY + 1);
    assertThat(communityStatsAt(2, "v1/mid/rsi6/vz-5").getWins()).isEqualTo(CAP_PER_DAY + 1);

    trade("mallory", "m-next-day", 100, T0.plus(Duration.ofDays(1)));

    assertThat(communityStatsAt(0, "v1").getTrades()).as("a new day, a new share").isEqualTo(5);
  }

  @Test
  void shouldForgetSignalsAndLearnedOutcomesOnceTheRetryHorizonHasPassed() {
    trade("alice", "a-1", 100, T0);
    KeyValueStore<String, Object> signalsById = driver.getKeyValueStore(StoreNames.SIGNALS_BY_ID);
    KeyValueStore<String, Object> learned = driver.getKeyValueStore(StoreNames.OUTCOMES_LEARNED);
    String aliceKey = io.hivemind.rules.learn.JoinKey.of("alice", "a-1");
    assertThat(signalsById.get(aliceKey)).isNotNull();

    trade("bob", "b-1", 100, T0.plus(LearnerSettings.DEFAULT_RETRY_HORIZON).plusSeconds(600));

    assertThat(signalsById.get(aliceKey)).as("forgotten").isNull();
    assertThat(learned.get(aliceKey)).as("forgotten").isNull();
    assertThat(signalsById.get(io.hivemind.rules.learn.JoinKey.of("bob", "b-1"))).isNotNull();
    KeyValueStore<String, String> byArrival =
        driver.getKeyValueStore(StoreNames.SIGNALS_BY_ARRIVAL);
    try (var all = byArrival.all()) {
      assertThat(all).toIterable().as("bob's signal only").hasSize(1);
    }
    assertThat(userStatsAt("alice", 0, "v1").getTrades()).as("learning stays").isEqualTo(1);
  }

  @Test
  void shouldDeadLetterPoisonAndCarryOn() {
    rawSignals.pipeInput("alice", "not avro at all".getBytes(StandardCharsets.UTF_8), T0);
    signals.pipeInput("mallory", signal("alice", "s-9", T0), T0); // key is not the user
    trade("alice", "s-1", 100, T0);

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(2);
    assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo("not avro at all");
    assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).startsWith("not deserializable");
    assertThat(header(letters.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(topics.signals);
    assertThat(header(letters.get(1), DeadLetterHeaders.REASON))
        .contains("not the record's user_id");
    assertThat(experiences.readValuesToList())
        .extracting(Experience::getSignalId)
        .containsExactly("s-1");
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldKeepTwoUsersWhoUseTheSameSignalIdApart() {
    trade("alice", "1", 100, T0);
    trade("bob", "1", -50, T0);

    assertThat(experiences.readValuesToList()).hasSize(2);
    assertThat(userStatsAt("alice", 0, "v1").getWins()).isEqualTo(1);
    assertThat(userStatsAt("bob", 0, "v1").getWins()).isZero();
    assertThat(userStatsAt("bob", 0, "v1").getTrades()).isEqualTo(1);
  }

  @Test
  void shouldGiveAnOldOutcomeTheHorizonFromItsArrivalToMeetItsSignal() {
    // a bot back from two days offline reports the outcome first, its signal a moment later
    Instant exit = T0.minus(Duration.ofDays(2));
    Instant arrival = T0;
    outcomes.pipeInput("alice", outcome("alice", "late", 100, exit), arrival);
    trade("bob", "b-1", 10, arrival.plus(HORIZON).minusSeconds(400)); // stream time moves on
    assertThat(experiences.readValuesToList())
        .extracting(Experience::getSignalId)
        .containsExactly("b-1");

    signals.pipeInput("alice", signal("alice", "late", exit.minusSeconds(300)), arrival);

    Experience late = experiences.readValue();
    assertThat(late.getSignalId()).isEqualTo("late");
    assertThat(late.getSignalMatched()).isTrue();
    assertThat(late.getPatterns()).hasSize(3);
  }
}
