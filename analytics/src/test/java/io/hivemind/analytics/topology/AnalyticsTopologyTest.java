package io.hivemind.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.analytics.domain.BadgeRules;
import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.analytics.domain.Leaderboard;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.learning.regime.RegimeModel;
import io.hivemind.learning.score.Calibration;
import io.hivemind.schema.AnalyticsTally;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.BadgeAward;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.HeldBadge;
import io.hivemind.schema.ModelPrediction;
import io.hivemind.schema.ModelProbability;
import io.hivemind.schema.RegimeChange;
import io.hivemind.schema.ReportedBar;
import io.hivemind.schema.Side;
import io.hivemind.schema.Topics;
import io.hivemind.schema.UserPerformance;
import io.hivemind.schema.streams.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalyticsTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-20T14:32:00Z"); // 09:32 in New York

  private final AvroSerdes serdes = AvroSerdes.withoutRegistry();
  private final Topics topics = Topics.withDefaultPrefix();
  private TopologyTestDriver driver;
  private TestInputTopic<String, Experience> experiences;
  private TestInputTopic<String, Heartbeat> heartbeats;
  private TestOutputTopic<String, BadgeAward> badges;
  private TestInputTopic<String, byte[]> rawExperiences;
  private TestInputTopic<String, byte[]> rawHeartbeats;
  private TestOutputTopic<String, byte[]> deadLetters;
  private TestInputTopic<String, ModelPrediction> predictions;

  @BeforeEach
  void startDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-topology-test");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver =
        new TopologyTestDriver(
            new AnalyticsTopology(serdes, topics, BadgeRules.v1()).build(), props);
    var stringSer = Serdes.String().serializer();
    experiences =
        driver.createInputTopic(
            topics.experiences, stringSer, serdes.valueSerde(Experience.class).serializer());
    heartbeats =
        driver.createInputTopic(
            topics.heartbeats, stringSer, serdes.valueSerde(Heartbeat.class).serializer());
    badges =
        driver.createOutputTopic(
            topics.badges,
            Serdes.String().deserializer(),
            serdes.valueSerde(BadgeAward.class).deserializer());
    predictions =
        driver.createInputTopic(
            topics.predictions, stringSer, serdes.valueSerde(ModelPrediction.class).serializer());
    var bytesSer = Serdes.ByteArray().serializer();
    rawExperiences = driver.createInputTopic(topics.experiences, stringSer, bytesSer);
    rawHeartbeats = driver.createInputTopic(topics.heartbeats, stringSer, bytesSer);
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private static Experience experience(
      String user, String id, String symbol, double pnl, Instant exit, boolean privateUser) {
    return Experience.newBuilder()
        .setSignalId(id)
        .setUserId(user)
        .setSymbol(symbol)
        .setSide(Side.LONG)
        .setSignalMatched(true)
        .setSignalTime(exit.minusSeconds(300))
        .setEntryTime(exit.minusSeconds(300))
        .setExitTime(exit)
        .setFeatures(Map.of("rsi", 34.2))
        .setPnl(pnl)
        .setWin(pnl > 0)
        .setExitReason(pnl > 0 ? "TARGET" : "STOP")
        .setScheme("v1")
        .setPatterns(List.of("v1", "v1/open"))
        .setPrivateUser(privateUser)
        .build();
  }

  private void learn(String user, String id, double pnl, Instant exit) {
    learn(user, id, "ES", pnl, exit, false);
  }

  private void learn(
      String user, String id, String symbol, double pnl, Instant exit, boolean privateUser) {
    experiences.pipeInput(user, experience(user, id, symbol, pnl, exit, privateUser), exit);
  }

  private AnalyticsTally fleet(String bucketKey) {
    KeyValueStore<String, AnalyticsTally> store =
        driver.getKeyValueStore(AnalyticsStores.FLEET_TALLIES);
    return store.get(bucketKey);
  }

  private AnalyticsTally userTally(String user, String bucketKey) {
    KeyValueStore<String, AnalyticsTally> store =
        driver.getKeyValueStore(AnalyticsStores.USER_TALLIES);
    return store.get(user + "/" + bucketKey);
  }

  private UserPerformance ledger(String user) {
    KeyValueStore<String, UserPerformance> store =
        driver.getKeyValueStore(AnalyticsStores.USER_LEDGERS);
    return store.get(user);
  }

  @Test
  void shouldEmitEachBadgeOnceWithTheExitTimeOfTheTradeThatEarnedIt() {
    // five wins in a row, then a loss, then five more wins: win-streak-5 at the 5th trade only
    for (int i = 1; i <= 11; i++) {
      learn("u1", "s" + i, i == 6 ? -100 : 300, T0.plusSeconds(60L * i));
    }

    assertThat(badges.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                "u1", new BadgeAward("u1", "first-trade", "badges-v1", T0.plusSeconds(60), "s1")),
            KeyValue.pair(
                "u1", new BadgeAward("u1", "profit-1k", "badges-v1", T0.plusSeconds(240), "s4")),
            KeyValue.pair(
                "u1", new BadgeAward("u1", "win-streak-5", "badges-v1", T0.plusSeconds(300), "s5")),
            KeyValue.pair(
                "u1", new BadgeAward("u1", "trades-10", "badges-v1", T0.plusSeconds(600), "s10")));
    UserPerformance u1 = ledger("u1");
    assertThat(u1.getTrades()).isEqualTo(11);
    assertThat(u1.getWins()).isEqualTo(10);
    assertThat(u1.getPnl()).isEqualTo(2900.0);
    assertThat(u1.getCurrentStreak()).isEqualTo(5);
    assertThat(u1.getBestStreak()).isEqualTo(5);
    assertThat(u1.getLastExitTime()).isEqualTo(T0.plusSeconds(660));
    assertThat(u1.getBadges())
        .extracting(HeldBadge::getBadge)
        .containsExactly("first-trade", "profit-1k", "win-streak-5", "trades-10");
    assertThat(badges.isEmpty()).isTrue();
  }

  @Test
  void shouldIgnoreARepeatedExperience() {
    learn("u1", "s1", 2000, T0);
    learn("u1", "s1", 2000, T0);
    learn("u1", "s2", -50, T0.plusSeconds(60));
    learn("u1", "s1", 2000, T0);

    assertThat(badges.readValuesToList())
        .extracting(BadgeAward::getBadge)
        .containsExactly("first-trade", "profit-1k");
    assertThat(ledger("u1").getTrades()).isEqualTo(2);
    assertThat(ledger("u1").getPnl()).isEqualTo(1950.0);
    assertThat(fleet("all")).isEqualTo(new AnalyticsTally(2L, 1L, 1950.0, 1));
    assertThat(badges.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepHoursDaysAndHeatmapCellsOfTheFleetWithTheirDistinctUsers() {
    learn("a", "s1", 100, Instant.parse("2026-11-20T14:32:00Z"));
    learn("b", "s1", 200, Instant.parse("2026-11-20T14:40:00Z"));
    learn("a", "s2", -40, Instant.parse("2026-11-20T14:50:00Z"));
    learn("a", "s3", 60, Instant.parse("2026-11-20T15:10:00Z"));
    learn("c", "s1", "NQ", -50, Instant.parse("2026-11-20T15:20:00Z"), false);
    learn("d", "s1", 10, Instant.parse("2026-11-21T00:05:00Z"));

    assertThat(fleet("hour/2026-11-20T14:00:00Z")).isEqualTo(new AnalyticsTally(3L, 2L, 260.0, 2));
    assertThat(fleet("hour/2026-11-20T15:00:00Z")).isEqualTo(new AnalyticsTally(2L, 1L, 10.0, 2));
    assertThat(fleet("day/2026-11-20")).isEqualTo(new AnalyticsTally(5L, 3L, 270.0, 3));
    assertThat(fleet("day/2026-11-21")).isEqualTo(new AnalyticsTally(1L, 1L, 10.0, 1));
    assertThat(fleet("cell/ES/9")).isEqualTo(new AnalyticsTally(3L, 2L, 260.0, 2));
    assertThat(fleet("cell/ES/10")).isEqualTo(new AnalyticsTally(1L, 1L, 60.0, 1));
    assertThat(fleet("cell/NQ/10")).isEqualTo(new AnalyticsTally(1L, 0L, -50.0, 1));
    assertThat(fleet("cell/ES/19")).isEqualTo(new AnalyticsTally(1L, 1L, 10.0, 1));
    assertThat(fleet("all")).isEqualTo(new AnalyticsTally(6L, 4L, 280.0, 4));
    assertThat(userTally("a", "hour/2026-11-20T14:00:00Z"))
        .isEqualTo(new AnalyticsTally(2L, 1L, 60.0, 0));
    assertThat(userTally("a", "day/2026-11-20")).isEqualTo(new AnalyticsTally(3L, 2L, 120.0, 0));
  }

  @Test
  void shouldLeaveAPrivateUserOutOfTheFleetButKeepTheirOwnFigures() {
    learn("a", "s1", 100, T0);
    learn("p", "s1", "ES", 5000, T0.plusSeconds(60), true);

    assertThat(fleet("all")).isEqualTo(new AnalyticsTally(1L, 1L, 100.0, 1));
    assertThat(fleet("day/2026-11-20")).isEqualTo(new AnalyticsTally(1L, 1L, 100.0, 1));
    assertThat(userTally("p", "day/2026-11-20")).isEqualTo(new AnalyticsTally(1L, 1L, 5000.0, 0));
    assertThat(ledger("p").getPrivateUser()).isTrue();
    assertThat(badges.readValuesToList())
        .extracting(BadgeAward::getUserId, BadgeAward::getBadge)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "first-trade"),
            org.assertj.core.groups.Tuple.tuple("p", "first-trade"),
            org.assertj.core.groups.Tuple.tuple("p", "profit-1k"));
  }

  @Test
  void shouldKeepEachUsersLatestHeartbeatTime() {
    Heartbeat beat =
        Heartbeat.newBuilder().setUserId("a").setBotVersion("4.0.1").setTimestamp(T0).build();
    heartbeats.pipeInput("a", beat, T0.plusSeconds(60));
    heartbeats.pipeInput("a", beat, T0.plusSeconds(30)); // late: does not move it back
    heartbeats.pipeInput("b", Heartbeat.newBuilder(beat).setUserId("b").build(), T0);

    KeyValueStore<String, Long> store = driver.getKeyValueStore(AnalyticsStores.LAST_HEARTBEATS);
    assertThat(store.get("a")).isEqualTo(T0.plusSeconds(60).toEpochMilli());
    assertThat(store.get("b")).isEqualTo(T0.toEpochMilli());
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  private void reportBars(String user, Instant minute, double close, Instant at) {
    Heartbeat beat =
        Heartbeat.newBuilder()
            .setUserId(user)
            .setBotVersion("4.0.1")
            .setTimestamp(at)
            .setBars(
                List.of(
                    ReportedBar.newBuilder()
                        .setSymbol("ES")
                        .setMinute(minute)
                        .setClose(close)
                        .setVolume(100)
                        .build(),
                    ReportedBar.newBuilder()
                        .setSymbol("NQ")
                        .setMinute(minute)
                        .setClose(20000)
                        .setVolume(50)
                        .build()))
            .build();
    heartbeats.pipeInput(user, beat, at);
  }

  @Test
  void shouldGatherEachSymbolsBarsFromDistinctUsersIntoItsRegimeBook() {
    Instant minute = Instant.parse("2026-11-20T14:30:00Z");
    for (int u = 0; u < 5; u++) {
      reportBars("u" + u, minute, 4500 + u, minute.plusSeconds(61 + u));
    }
    // a later minute, reported by one user a settle period on, settles the first
    reportBars("u0", minute.plusSeconds(60), 4501, minute.plusSeconds(200));

    KeyValueStore<String, FleetBars> books = driver.getKeyValueStore(AnalyticsStores.REGIME_BOOKS);
    FleetBars es = books.get("ES");
    assertThat(es.lastSettled()).isEqualTo(minute);
    assertThat(es.lastUsers()).isEqualTo(5);
    assertThat(es.regime().lastMinute()).isEqualTo(minute);
    assertThat(Math.exp(es.regime().lastLogClose())).isCloseTo(4502, within(1e-6));
    assertThat(es.pending()).containsOnlyKeys(minute.plusSeconds(60));
    assertThat(books.get("NQ").lastSettled()).isEqualTo(minute);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldPublishASymbolsRegimeWhenItIsFirstKnownAndWhenItChanges() {
    RegimeModel fitted = RegimeModel.fitted();
    RegimeModel quick =
        new RegimeModel(
            fitted.emissions(),
            fitted.normHalfLife(),
            fitted.anchorMinutes(),
            fitted.maxGapMinutes(),
            2,
            fitted.switchMargin());
    driver.close();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-topology-test");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver =
        new TopologyTestDriver(
            new AnalyticsTopology(
                    serdes,
                    topics,
                    BadgeRules.v1(),
                    FleetBars.Rules.defaults(5),
                    new RegimeClassifier(quick, ZoneId.of("America/New_York")))
                .build(),
            props);
    TestOutputTopic<String, RegimeChange> regimes =
        driver.createOutputTopic(
            topics.regimes,
            Serdes.String().deserializer(),
            serdes.valueSerde(RegimeChange.class).deserializer());
    heartbeats =
        driver.createInputTopic(
            topics.heartbeats,
            Serdes.String().serializer(),
            serdes.valueSerde(Heartbeat.class).serializer());

    Instant minute = Instant.parse("2026-11-20T14:30:00Z");
    double close = 4500;
    for (int m = 0; m < 30; m++) {
      close += (m % 2 == 0 ? 0.5 : -0.5);
      for (int u = 0; u < 5; u++) {
        reportBars(
            "u" + u,
            minute.plusSeconds(60L * m),
            close + u * 0.25,
            minute.plusSeconds(60L * m + 61 + u));
      }
    }

    // reportBars reports ES and NQ: each symbol's changes, in order
    List<RegimeChange> changes =
        regimes.readRecordsToList().stream()
            .filter(record -> record.key().equals("ES"))
            .map(TestRecord::value)
            .toList();
    assertThat(changes).isNotEmpty();
    RegimeChange first = changes.get(0);
    assertThat(first.getSymbol()).isEqualTo("ES");
    assertThat(first.getRegime()).isIn("trending", "choppy", "volatile", "quiet");
    assertThat(first.getSince()).isBetween(minute, minute.plusSeconds(60L * 30));
    for (int i = 1; i < changes.size(); i++) {
      assertThat(changes.get(i).getRegime())
          .as("only changes are published")
          .isNotEqualTo(changes.get(i - 1).getRegime());
    }
  }

  @Test
  void shouldKeepEveryPublicUsersStandingForTheLeaderboards() {
    learn("a", "s1", 100, T0);
    learn("a", "s2", -20, T0.plusSeconds(60));
    learn("b", "s1", 300, T0.plusSeconds(120));
    learn("p", "s1", "ES", 5000, T0.plusSeconds(180), true);
    learn("c", "s1", 50, T0.plusSeconds(240));
    learn("c", "s2", "ES", 50, T0.plusSeconds(300), true); // c turned private: taken off

    KeyValueStore<String, UserPerformance> store =
        driver.getKeyValueStore(AnalyticsStores.STANDINGS);
    List<Leaderboard.Entry> entries = new ArrayList<>();
    try (var all = store.all()) {
      all.forEachRemaining(
          kv ->
              entries.add(
                  new Leaderboard.Entry(
                      kv.key, AnalyticsCodec.decode(kv.value).performance(), false)));
    }
    assertThat(entries).extracting(Leaderboard.Entry::userId).containsOnly("a", "b");
    assertThat(store.get("a").getBadges()).isEmpty();
    assertThat(new Leaderboard(1).rank(entries, Leaderboard.Order.PNL))
        .extracting(Leaderboard.Standing::rank, Leaderboard.Standing::userId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "b"),
            org.assertj.core.groups.Tuple.tuple(2, "a"));
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldDeadLetterPoisonExperiencesAndCountTheNextOne() {
    rawExperiences.pipeInput("u1", "not avro at all".getBytes(StandardCharsets.UTF_8), T0);
    Experience noSignalId = experience("u1", "s0", "ES", 900, T0, false);
    noSignalId.setSignalId("");
    experiences.pipeInput("u1", noSignalId, T0);
    experiences.pipeInput("mallory", experience("u1", "s0", "ES", 900, T0, false), T0);
    learn("u1", "s1", 300, T0.plusSeconds(60));

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters)
        .extracting(TestRecord::key)
        .containsExactly("u1", "u1", "mallory"); // the key as it came, for a replay
    assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo("not avro at all");
    assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).startsWith("not deserializable");
    assertThat(header(letters.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(topics.experiences);
    assertThat(header(letters.get(0), DeadLetterHeaders.OFFSET)).isEqualTo("0");
    assertThat(header(letters.get(1), DeadLetterHeaders.REASON)).isEqualTo("blank signal_id");
    assertThat(header(letters.get(1), DeadLetterHeaders.OFFSET)).isEqualTo("1");
    assertThat(header(letters.get(2), DeadLetterHeaders.REASON))
        .isEqualTo("key mallory is not the record's user_id u1");
    assertThat(header(letters.get(2), DeadLetterHeaders.OFFSET)).isEqualTo("2");
    assertThat(ledger("u1").getTrades()).isEqualTo(1);
    assertThat(ledger("u1").getPnl()).isEqualTo(300.0);
    assertThat(ledger("mallory")).isNull();
    assertThat(fleet("all")).isEqualTo(new AnalyticsTally(1L, 1L, 300.0, 1));
    assertThat(badges.readValuesToList())
        .extracting(BadgeAward::getSignalId, BadgeAward::getBadge)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", "first-trade"));
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(badges.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterPoisonHeartbeatsAndKeepTheNextOne() {
    Heartbeat beat =
        Heartbeat.newBuilder().setUserId("a").setBotVersion("4.0.1").setTimestamp(T0).build();
    rawHeartbeats.pipeInput("a", new byte[] {0, 0, 0, 0, 7}, T0);
    heartbeats.pipeInput("b", beat, T0.plusSeconds(10)); // a's heartbeat under b's key
    heartbeats.pipeInput("a", beat, T0.plusSeconds(20));

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).value()).containsExactly(0, 0, 0, 0, 7);
    assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).startsWith("not deserializable");
    assertThat(header(letters.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(topics.heartbeats);
    assertThat(header(letters.get(1), DeadLetterHeaders.REASON))
        .isEqualTo("key b is not the record's user_id a");
    KeyValueStore<String, Long> store = driver.getKeyValueStore(AnalyticsStores.LAST_HEARTBEATS);
    assertThat(store.get("a")).isEqualTo(T0.plusSeconds(20).toEpochMilli());
    assertThat(store.get("b")).isNull();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldNameEveryStoreAndTheRepartitionTopic() {
    // built with ExplicitlyNamed: a generated name would have failed build() already
    String described =
        new AnalyticsTopology(serdes, topics, BadgeRules.v1()).build().describe().toString();
    assertThat(described)
        .contains(
            AnalyticsStores.EXPERIENCES_SEEN,
            AnalyticsStores.USER_LEDGERS,
            AnalyticsStores.USER_TALLIES,
            AnalyticsStores.FLEET_TALLIES,
            AnalyticsStores.LAST_HEARTBEATS,
            AnalyticsStores.STANDINGS,
            topics.standings,
            AnalyticsStores.FLEET_CONTRIBUTIONS + "-repartition",
            AnalyticsStores.REGIME_BOOKS,
            AnalyticsStores.REGIME_BARS + "-repartition",
            topics.badges)
        .doesNotContain("KSTREAM-", "KTABLE-");
  }

  private void predict(String user, String signal, double pattern, double challenger, Instant at) {
    predictions.pipeInput(
        user,
        ModelPrediction.newBuilder()
            .setUserId(user)
            .setSignalId(signal)
            .setAskedAt(at)
            .setServed("pattern")
            .setTier("basic")
            .setPredictions(
                List.of(
                    new ModelProbability("pattern", "v1", pattern),
                    new ModelProbability("challenger", "challenger-lr/f1/x@10.y", challenger)))
            .build(),
        at);
  }

  private Calibration score(String model) {
    KeyValueStore<String, Calibration.Totals> store =
        driver.getKeyValueStore(AnalyticsStores.MODEL_SCORES);
    Calibration.Totals totals = store.get(model);
    return totals == null ? new Calibration() : Calibration.from(totals);
  }

  @Test
  void shouldScoreEveryModelOfAPredictionAgainstTheTradesOutcomeOnce() {
    predict("u1", "s1", 0.6, 0.8, T0.minusSeconds(600));
    predict("u1", "s2", 0.4, 0.3, T0.minusSeconds(600));

    learn("u1", "s1", 10, T0); // won
    learn("u1", "s2", -10, T0.plusSeconds(60)); // lost
    learn("u1", "s1", 10, T0.plusSeconds(120)); // the same trade again: not scored twice
    learn("u1", "s3", 10, T0.plusSeconds(180)); // nobody asked: nothing to score

    Calibration pattern = score("pattern");
    Calibration challenger = score("challenger");
    assertThat(pattern.count()).isEqualTo(2);
    assertThat(challenger.count()).isEqualTo(2);
    // (0.6 − 1)² and (0.4 − 0)², (0.8 − 1)² and (0.3 − 0)²
    assertThat(pattern.brier()).isCloseTo((0.16 + 0.16) / 2, within(1e-12));
    assertThat(challenger.brier()).isCloseTo((0.04 + 0.09) / 2, within(1e-12));
    assertThat(challenger.logLoss()).isCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, within(1e-12));
    KeyValueStore<String, ModelPrediction> waiting =
        driver.getKeyValueStore(AnalyticsStores.PREDICTIONS);
    assertThat(waiting.get("u1/s1")).isNull();
  }

  @Test
  void shouldDropAPredictionWhoseTradeNeverCameAfterAWeek() {
    predict("u1", "never-traded", 0.6, 0.7, T0);
    predict("u2", "later", 0.5, 0.5, T0.plus(java.time.Duration.ofDays(8)));

    KeyValueStore<String, ModelPrediction> waiting =
        driver.getKeyValueStore(AnalyticsStores.PREDICTIONS);
    assertThat(waiting.get("u1/never-traded")).isNull();
    assertThat(waiting.get("u2/later")).isNotNull();
  }

  @Test
  void shouldSendAPredictionUnderAnotherUsersKeyToTheDeadLetters() {
    predict("u1", "s1", 0.6, 0.7, T0);
    predictions.pipeInput(
        "u2",
        ModelPrediction.newBuilder()
            .setUserId("u1")
            .setSignalId("s9")
            .setAskedAt(T0)
            .setServed("pattern")
            .setTier("basic")
            .setPredictions(List.of(new ModelProbability("pattern", "v1", 0.5)))
            .build(),
        T0);

    List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(header(dead.get(0), DeadLetterHeaders.REASON))
        .contains("is not the record's user_id");
  }
}
