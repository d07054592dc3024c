package io.hivemind.confidence.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.confidence.service.QueryKeys.Key;
import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingState;
import io.hivemind.control.kafka.ControlPublisher;
import io.hivemind.learning.confidence.ConfidenceEstimator;
import io.hivemind.learning.confidence.ShrinkagePriors;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceModel;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.answer.StatsLookup;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.UserPartitioner;
import io.hivemind.schema.WinStats;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service against a real broker and a real registry: statistics written as the learner writes
 * them come back over HTTP, to a key of their user. Every test has its own users (and keys), and
 * its own symbol where community statistics matter, so tests share the topics without seeing each
 * other.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(QueryInstanceResource.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // an HTTP call has no bound of its own
class ConfidenceQueryServiceTest {

  /** k: the configured default. */
  private static final int K = ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS;

  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration VISIBLE = Duration.ofSeconds(30);
  private static final Topics TOPICS = Topics.withDefaultPrefix();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Double> FEATURES = Map.of("rsi", 34.2, "vwap_z", -2.15);
  private static final List<String> OWN_SYMBOLS =
      List.of("NQ", "CL", "GC", "YM", "RTY", "MES", "MNQ", "MCL", "MGC", "MYM", "M2K");
  private static final AtomicInteger NEXT_SYMBOL = new AtomicInteger();

  @Inject KafkaStreams streams;

  @TestHTTPResource("/")
  URL root;

  private static KafkaProducer<StatsKey, WinStats> userStats;
  private static KafkaProducer<CommunityStatsKey, WinStats> communityStats;

  @BeforeAll
  static void startProducers() {
    KafkaStack stack = KafkaStack.shared();
    AvroSerdes serdes = AvroSerdes.registry(stack.registryUrl());
    userStats =
        producer(
            stack,
            serdes.keySerde(StatsKey.class).serializer(),
            serdes.valueSerde(WinStats.class).serializer());
    communityStats =
        producer(
            stack,
            serdes.keySerde(CommunityStatsKey.class).serializer(),
            serdes.valueSerde(WinStats.class).serializer());
  }

  @AfterAll
  static void closeProducers() {
    userStats.close();
    communityStats.close();
  }

  @BeforeEach
  void awaitReadiness() {
    await("readiness")
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
  }

  @Inject StreamsConfig streamsConfig;

  @Test
  void shouldKeepAStandbyAndLeaveTheGroupWhenItsConsumersClose() {
    // ADR 17: a stopped instance's users are answered at once by the instance holding their standby
    assertThat(streamsConfig.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(
            String.valueOf(
                streamsConfig
                    .getMainConsumerConfigs("group", "client", 0)
                    .get("internal.leave.group.on.close")))
        .isEqualTo("true");
  }

  @Test
  void shouldSayAFreshAnswerIsNotStale() {
    String user = uniqueUser();
    Key key = QueryKeys.bot(user);

    await("answered")
        .atMost(VISIBLE)
        .until(
            () -> key.given().queryParam("symbol", "ES").get("/api/ml/stats").statusCode() == 200);
    key.given()
        .queryParam("symbol", "ES")
        .get("/api/ml/stats")
        .then()
        .statusCode(200)
        .body("freshness.stale", org.hamcrest.Matchers.equalTo(false))
        .body("freshness.lag_records", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void shouldAdvertiseTheEndpointItListensOn() {
    // other instances forward to application.server: it must be where this one really listens
    assertThat(streams.metadataForAllStreamsClients())
        .extracting(StreamsMetadata::hostInfo)
        .containsExactly(new HostInfo("127.0.0.1", root.getPort()));
  }

  @Test
  void shouldReportExactlyTheLearnedStats() {
    String user = uniqueUser();
    Key key = QueryKeys.bot(user);
    Instant lastLong = Instant.parse("2026-11-20T14:32:45.123Z");
    Instant lastShort = Instant.parse("2026-11-19T15:00:00Z");
    writeUserStats(
        new StatsKey(user, "ES", Side.LONG, 0, "v1"), stats(10, 6, 1250.5, 2, 4, lastLong));
    writeUserStats(
        new StatsKey(user, "ES", Side.SHORT, 0, "v1"), stats(5, 1, -300, -3, 1, lastShort));
    // a deeper level of the same trades: not part of the record
    writeUserStats(
        new StatsKey(user, "ES", Side.LONG, 1, "v1/mid"), stats(7, 7, 900, 7, 7, lastLong));

    JsonNode body =
        await("stats visible")
            .atMost(VISIBLE)
            .until(
                () -> json(stats(key, "ES").statusCode(200)),
                b -> b.at("/total/trades").asLong() == 15);

    assertThat(body.get("user_id").asText()).isEqualTo(user);
    assertThat(body.get("symbol").asText()).isEqualTo("ES");
    JsonNode longSide = body.at("/sides/LONG");
    assertThat(longSide.get("trades").asLong()).isEqualTo(10);
    assertThat(longSide.get("wins").asLong()).isEqualTo(6);
    assertThat(longSide.get("losses").asLong()).isEqualTo(4);
    assertThat(longSide.get("win_rate").asDouble()).isCloseTo(0.6, within(1e-9));
    assertThat(longSide.get("pnl").asDouble()).isEqualTo(1250.5);
    assertThat(longSide.get("avg_pnl").asDouble()).isCloseTo(125.05, within(1e-9));
    assertThat(longSide.get("current_streak").asInt()).isEqualTo(2);
    assertThat(longSide.get("best_streak").asInt()).isEqualTo(4);
    assertThat(longSide.get("last_trade_at").asText()).isEqualTo("2026-11-20T14:32:45.123Z");
    JsonNode shortSide = body.at("/sides/SHORT");
    assertThat(shortSide.get("trades").asLong()).isEqualTo(5);
    assertThat(shortSide.get("losses").asLong()).isEqualTo(4);
    assertThat(shortSide.get("current_streak").asInt()).isEqualTo(-3);
    assertThat(shortSide.get("last_trade_at").asText()).isEqualTo("2026-11-19T15:00:00Z");
    JsonNode total = body.get("total");
    assertThat(total.get("wins").asLong()).isEqualTo(7);
    assertThat(total.get("losses").asLong()).isEqualTo(8);
    assertThat(total.get("win_rate").asDouble()).isCloseTo(7 / 15.0, within(1e-9));
    assertThat(total.get("pnl").asDouble()).isEqualTo(950.5);
    assertThat(total.get("avg_pnl").asDouble()).isCloseTo(950.5 / 15, within(1e-9));
  }

  @Test
  void shouldReportZerosForAnUnknownUser() {
    JsonNode body = json(stats(QueryKeys.bot(uniqueUser()), "ES").statusCode(200));

    for (String side : List.of("LONG", "SHORT")) {
      JsonNode stats = body.at("/sides/" + side);
      assertThat(stats.get("trades").asLong()).isZero();
      assertThat(stats.get("win_rate").asDouble()).isZero();
      assertThat(stats.get("avg_pnl").asDouble()).isZero();
      assertThat(stats.get("last_trade_at").isNull()).isTrue();
    }
    assertThat(body.at("/total/trades").asLong()).isZero();
  }

  @Test
  void shouldAnswerAnUnknownUserWithTheCommunitysEstimate() {
    String symbol = uniqueSymbol();
    Instant time = recentTime();
    List<String> patterns = PatternScheme.v1().patterns(time, FEATURES);
    for (int level = 0; level < patterns.size(); level++) {
      writeCommunityStats(
          new CommunityStatsKey(symbol, Side.LONG, level, patterns.get(level)),
          fromUsers(K, decayed(stats(1000, 800, 0, 0, 0, time), 800, 1000)));
    }

    Key newcomer = QueryKeys.bot(uniqueUser());
    JsonNode body =
        await("community visible")
            .atMost(VISIBLE)
            .until(
                () -> json(winProbability(newcomer, symbol, time).statusCode(200)),
                b -> b.at("/evidence/community_trades").asLong() == 1000);

    assertThat(body.get("win_probability").asDouble()).isCloseTo(0.8, within(0.02));
    assertThat(body.at("/evidence/user_trades").asLong()).isZero();
    assertThat(body.at("/evidence/pattern").asText()).isEqualTo(patterns.get(2));
    assertThat(body.at("/interval/level").asDouble()).isEqualTo(0.9);
    assertThat(body.get("threshold").asDouble()).isEqualTo(0.7);
    assertThat(body.get("take_trade").asBoolean()).isTrue();
    assertThat(body.get("trading_state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldFallBackToTheDeepestLevelWithKDistinctUsersAndSayWhichItUsed() {
    String symbol = uniqueSymbol();
    Instant time = recentTime();
    List<String> patterns = PatternScheme.v1().patterns(time, FEATURES);
    writeCommunityStats(
        new CommunityStatsKey(symbol, Side.LONG, 0, patterns.get(0)),
        fromUsers(K + 1, decayed(stats(900, 450, 0, 0, 0, time), 450, 900)));
    writeCommunityStats(
        new CommunityStatsKey(symbol, Side.LONG, 1, patterns.get(1)),
        fromUsers(K, decayed(stats(300, 150, 0, 0, 0, time), 150, 300)));
    // the deepest pattern: one user short of k, and all wins: were it used it would show
    writeCommunityStats(
        new CommunityStatsKey(symbol, Side.LONG, 2, patterns.get(2)),
        fromUsers(K - 1, decayed(stats(200, 200, 0, 0, 0, time), 200, 200)));

    JsonNode body =
        await("community visible")
            .atMost(VISIBLE)
            .until(
                () ->
                    json(winProbability(QueryKeys.bot(uniqueUser()), symbol, time).statusCode(200)),
                b -> b.at("/evidence/community_trades").asLong() == 300);

    assertThat(body.at("/evidence/community_level").asInt()).isEqualTo(1);
    assertThat(body.at("/evidence/pattern").asText()).isEqualTo(patterns.get(2));
    assertThat(body.get("win_probability").asDouble()).isCloseTo(0.5, within(0.02));
  }

  @Test
  void shouldShowNothingOfACommunityOfFewerThanKUsers() {
    String symbol = uniqueSymbol();
    Instant time = recentTime();
    List<String> patterns = PatternScheme.v1().patterns(time, FEATURES);
    for (int level = 0; level < patterns.size(); level++) {
      writeCommunityStats(
          new CommunityStatsKey(symbol, Side.LONG, level, patterns.get(level)),
          fromUsers(K - 1, decayed(stats(10, 7, 0, 0, 0, time), 7, 10)));
    }
    // written after the withheld ones, to the same partitioned topic: once it is visible, so are
    // they
    String witness = uniqueSymbol();
    for (int level = 0; level < patterns.size(); level++) {
      writeCommunityStats(
          new CommunityStatsKey(witness, Side.LONG, level, patterns.get(level)),
          fromUsers(K, decayed(stats(10, 7, 0, 0, 0, time), 7, 10)));
    }
    Key reader = QueryKeys.bot(uniqueUser());
    await("later community statistics visible")
        .atMost(VISIBLE)
        .until(
            () -> json(winProbability(reader, witness, time).statusCode(200)),
            b -> b.at("/evidence/community_trades").asLong() == 10);

    JsonNode body = json(winProbability(reader, symbol, time).statusCode(200));

    assertThat(body.at("/evidence/community_trades").asLong()).isZero();
    assertThat(body.at("/evidence/community_level").isNull()).isTrue();
    // nothing withheld moves the answer off where the chain starts: the fleet's pooled rate (or 50
    // %
    // before the priors fit), which the answer names
    assertThat(body.get("win_probability").asDouble())
        .isCloseTo(body.at("/evidence/prior/mean").asDouble(), within(1e-4));
  }

  @Test
  void shouldAnswerAPrivateUserWithoutTheCommunity() {
    String symbol = uniqueSymbol();
    Instant time = recentTime();
    List<String> patterns = PatternScheme.v1().patterns(time, FEATURES);
    for (int level = 0; level < patterns.size(); level++) {
      writeCommunityStats(
          new CommunityStatsKey(symbol, Side.LONG, level, patterns.get(level)),
          fromUsers(K, decayed(stats(1000, 800, 0, 0, 0, time), 800, 1000)));
    }
    Key ordinary = QueryKeys.bot(uniqueUser());
    Key secluded = QueryKeys.privateBot(uniqueUser());
    await("community visible")
        .atMost(VISIBLE)
        .until(
            () -> json(winProbability(ordinary, symbol, time).statusCode(200)),
            b -> b.at("/evidence/community_trades").asLong() == 1000);

    JsonNode body = json(winProbability(secluded, symbol, time).statusCode(200));

    assertThat(body.get("user_id").asText()).isEqualTo(secluded.userId());
    assertThat(body.at("/evidence/community_trades").asLong()).isZero();
    assertThat(body.at("/evidence/user_trades").asLong()).isZero();
    assertThat(body.get("win_probability").asDouble()).isCloseTo(0.5, within(0.02));
    assertThat(body.get("take_trade").asBoolean()).isFalse();
  }

  @Test
  void shouldNotTakeATradeWhileTheUserIsHaltedAndSaySo() {
    String user = uniqueUser();
    String symbol = uniqueSymbol();
    Instant time = recentTime();
    KafkaStack stack = KafkaStack.shared();
    try (ControlPublisher control =
        new ControlPublisher(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            Topics.withDefaultPrefix(),
            SelfDescribingSerdes.anyRecord(),
            Duration.ofSeconds(10))) {
      control.publish(
          "trading.halted",
          "test",
          Optional.empty(),
          new ControlEntry(
              Scope.user(user),
              new Setting.ManualTrading(TradingState.HALTED),
              new Provenance(UUID.randomUUID().toString(), Instant.now(), "test", "risk")));
    }

    Key key = QueryKeys.bot(user);
    JsonNode body =
        await("halt visible")
            .atMost(VISIBLE)
            .until(
                () -> json(winProbability(key, symbol, time).statusCode(200)),
                b -> b.get("trading_state").asText().equals("HALTED"));
    assertThat(body.get("take_trade").asBoolean()).isFalse();
    assertThat(body.get("learning").asText()).isEqualTo("RUNNING");
    assertThat(
            json(winProbability(QueryKeys.bot(uniqueUser()), symbol, time).statusCode(200))
                .get("trading_state")
                .asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void shouldWeighAUsersOwnRecordAgainstTheCommunity() {
    String symbol = uniqueSymbol();
    String veteran = uniqueUser();
    Instant time = recentTime();
    List<String> patterns = PatternScheme.v1().patterns(time, FEATURES);
    Map<CommunityStatsKey, WinStats> community = new HashMap<>();
    Map<StatsKey, WinStats> user = new HashMap<>();
    for (int level = 0; level < patterns.size(); level++) {
      community.put(
          new CommunityStatsKey(symbol, Side.LONG, level, patterns.get(level)),
          fromUsers(K + 20, decayed(stats(2000, 1000, 0, 0, 0, time), 1000, 2000)));
      user.put(
          new StatsKey(veteran, symbol, Side.LONG, level, patterns.get(level)),
          decayed(stats(400, 120, 0, 0, 0, time), 118.5, 395.25));
    }
    community.forEach(this::writeCommunityStats);
    user.forEach(this::writeUserStats);
    Key veteranKey = QueryKeys.bot(veteran);
    Key newcomer = QueryKeys.bot(uniqueUser());

    JsonNode veteranAnswer =
        await("user and community visible")
            .atMost(VISIBLE)
            .until(
                () -> json(winProbability(veteranKey, symbol, time).statusCode(200)),
                b ->
                    b.at("/evidence/user_trades").asLong() == 400
                        && b.at("/evidence/community_trades").asLong() == 2000);
    JsonNode newcomerAnswer = json(winProbability(newcomer, symbol, time).statusCode(200));

    // the same model with the priors the answer names (fitted from every test's community here)
    ShrinkagePriors named = priorsOf(veteranAnswer);
    ConfidenceAnswer expected =
        ConfidenceModel.v1(K)
            .answer(
                new ConfidenceQuery(veteran, symbol, Side.LONG, FEATURES, time),
                new MapLookup(user, community),
                (s, sd, p, fixed) -> named);
    assertThat(veteranAnswer.get("win_probability").asDouble())
        .isCloseTo(expected.confidence().probability(), within(1e-4));
    assertThat(veteranAnswer.get("win_probability").asDouble()).isLessThan(0.4);
    // 2,000 community trades at 50 % at every level outweigh any prior
    assertThat(newcomerAnswer.get("win_probability").asDouble()).isCloseTo(0.5, within(0.01));
    assertThat(veteranAnswer.get("take_trade").asBoolean()).isFalse();
  }

  @Test
  void shouldAnswerAPostedSignalAsTheSameQuestionAsParameters() {
    String symbol = uniqueSymbol();
    String user = uniqueUser();
    Instant time = recentTime();
    List<String> patterns = PatternScheme.v1().patterns(time, FEATURES);
    writeUserStats(
        new StatsKey(user, symbol, Side.SHORT, 2, patterns.get(2)),
        decayed(stats(30, 25, 0, 0, 0, time), 25, 30));
    Key key = QueryKeys.bot(user);
    JsonNode asParameters =
        await("user visible")
            .atMost(VISIBLE)
            .until(
                () ->
                    json(
                        key.given()
                            .queryParam("user_id", user)
                            .queryParam("symbol", symbol)
                            .queryParam("side", "SHORT")
                            .queryParam("rsi", 34.2)
                            .queryParam("vwap_z", -2.15)
                            .queryParam("timestamp", time.toString())
                            .queryParam("threshold", 0.55)
                            .get("/api/ml/win_probability")
                            .then()
                            .statusCode(200)),
                b -> b.at("/evidence/user_trades").asLong() == 30);

    JsonNode asSignal =
        json(
            key.given()
                .contentType("application/json")
                .queryParam("threshold", 0.55)
                .body(
                    Map.of(
                        "signal_id",
                        UUID.randomUUID().toString(),
                        "user_id",
                        user,
                        "symbol",
                        symbol,
                        "side",
                        "SHORT",
                        "price",
                        4500.25,
                        "timestamp",
                        time.toString(),
                        "strategy",
                        "vwap_rsi",
                        "features",
                        FEATURES))
                .post("/api/ml/win_probability")
                .then()
                .statusCode(200));

    assertThat(asSignal.get("win_probability")).isEqualTo(asParameters.get("win_probability"));
    assertThat(asSignal.get("interval")).isEqualTo(asParameters.get("interval"));
    assertThat(asSignal.get("evidence")).isEqualTo(asParameters.get("evidence"));
    assertThat(asSignal.get("threshold").asDouble()).isEqualTo(0.55);
    assertThat(asSignal.get("side").asText()).isEqualTo("SHORT");
  }

  @Test
  void shouldSimulateATradeWithItsExpectedPnlFromTheCommunityLevelItShows() {
    String symbol = uniqueSymbol();
    Instant time = recentTime();
    List<String> patterns = PatternScheme.v1().patterns(time, FEATURES);
    for (int level = 0; level < patterns.size(); level++) {
      // 400 trades, P&L sum 4,000 and squares 400 x 100²: mean +10, sd ≈ 99.6
      WinStats known =
          WinStats.newBuilder(decayed(stats(400, 280, 0, 0, 0, time), 280, 400))
              .setPnlSum(4_000)
              .setPnlSumSquares(400 * 100.0 * 100.0)
              .build();
      writeCommunityStats(
          new CommunityStatsKey(symbol, Side.LONG, level, patterns.get(level)),
          fromUsers(K, known));
    }
    Key key = QueryKeys.bot(uniqueUser());
    Map<String, Object> trade =
        Map.of(
            "signal_id",
            UUID.randomUUID().toString(),
            "symbol",
            symbol,
            "side",
            "LONG",
            "price",
            4500.25,
            "timestamp",
            time.toString(),
            "features",
            FEATURES);

    JsonNode body =
        await("community visible")
            .atMost(VISIBLE)
            .until(
                () ->
                    json(
                        key.given()
                            .contentType("application/json")
                            .body(trade)
                            .post("/api/ml/simulate_trade")
                            .then()
                            .statusCode(200)),
                b -> b.at("/evidence/community_trades").asLong() == 400);
    JsonNode asked =
        json(
            key.given()
                .contentType("application/json")
                .body(trade)
                .post("/api/ml/win_probability")
                .then()
                .statusCode(200));

    assertThat(body.get("win_probability")).isEqualTo(asked.get("win_probability"));
    assertThat(body.get("interval")).isEqualTo(asked.get("interval"));
    assertThat(body.get("evidence")).isEqualTo(asked.get("evidence"));
    assertThat(body.get("user_id").asText()).isEqualTo(key.userId());
    assertThat(body.get("trading_state").asText()).isEqualTo("ACTIVE");
    assertThat(body.at("/model/name").asText()).isEqualTo("pattern");
    assertThat(body.at("/expected_pnl/mean").asDouble()).isEqualTo(10.0);
    assertThat(body.at("/expected_pnl/source").asText()).isEqualTo("community");
    assertThat(body.at("/expected_pnl/trades").asLong()).isEqualTo(400);
    // t(0.95, 399) ≈ 1.6487; sd = sqrt((4,000,000 − 400·100)/399) ≈ 99.62; ± 8.21
    assertThat(body.at("/expected_pnl/low").asDouble()).isCloseTo(1.79, within(0.02));
    assertThat(body.at("/expected_pnl/high").asDouble()).isCloseTo(18.21, within(0.02));
    assertThat(body.get("summary").asText())
        .contains("based on 0 of your trades and 400 community trades")
        .contains("expected P&L +10.00");
  }

  @Test
  void shouldNameABadFieldOfASimulatedTrade() {
    JsonNode problem =
        json(
            QueryKeys.bot()
                .given()
                .contentType("application/json")
                .body(Map.of("signal_id", "s1", "symbol", "ES", "side", "UP", "price", 1.0))
                .post("/api/ml/simulate_trade")
                .then()
                .statusCode(400)
                .contentType("application/problem+json"));

    assertThat(problem.toString()).contains("\"side\"");
  }

  @Test
  void shouldNameABadSide() {
    JsonNode problem =
        json(
            QueryKeys.bot()
                .given()
                .queryParam("symbol", "ES")
                .queryParam("side", "SIDEWAYS")
                .get("/api/ml/win_probability")
                .then()
                .statusCode(400)
                .contentType("application/problem+json"));

    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.at("/violations/0/field").asText()).isEqualTo("side");
    assertThat(problem.get("violations")).hasSize(1);
  }

  @Test
  void shouldNameASymbolThatIsNoConfiguredInstrument() {
    JsonNode problem =
        json(
            QueryKeys.bot()
                .given()
                .queryParam("symbol", "ZZZ1")
                .queryParam("side", "LONG")
                .get("/api/ml/win_probability")
                .then()
                .statusCode(400)
                .contentType("application/problem+json"));

    assertThat(problem.at("/violations/0/field").asText()).isEqualTo("symbol");
    assertThat(problem.get("violations")).hasSize(1);
  }

  @Test
  void shouldNameAFieldOfTheWrongTypeInAPostedSignal() {
    JsonNode problem =
        json(
            QueryKeys.bot()
                .given()
                .contentType("application/json")
                .body("{\"price\":\"cheap\"}")
                .post("/api/ml/win_probability")
                .then()
                .statusCode(400)
                .contentType("application/problem+json"));

    assertThat(problem.at("/violations/0/field").asText()).isEqualTo("price");
  }

  @Test
  void shouldAnswerAForwardedRequestForAUserItOwns() {
    // one instance owns every partition: a request forwarded here is answered, not bounced
    Key key = QueryKeys.bot();
    key.given()
        .header("X-Hivemind-Forwarded", "1")
        .queryParam("user_id", key.userId())
        .queryParam("symbol", "ES")
        .get("/api/ml/stats")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldCountAnswersInTheMetrics() {
    stats(QueryKeys.bot(), "ES").statusCode(200);

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics).contains("hivemind_query_results_total{result=\"local\"}");
  }

  /** The key's own user's stats, as a bot asks: {@code user_id} left out. */
  private static ValidatableResponse stats(Key key, String symbol) {
    return key.given().queryParam("symbol", symbol).get("/api/ml/stats").then();
  }

  private static ValidatableResponse winProbability(Key key, String symbol, Instant time) {
    return key.given()
        .queryParam("user_id", key.userId())
        .queryParam("symbol", symbol)
        .queryParam("side", "LONG")
        .queryParam("rsi", FEATURES.get("rsi"))
        .queryParam("vwap_z", FEATURES.get("vwap_z"))
        .queryParam("atr", 3.5)
        .queryParam("volume_ratio", 1.4)
        .queryParam("timestamp", time.toString())
        .get("/api/ml/win_probability")
        .then();
  }

  private void writeUserStats(StatsKey key, WinStats value) {
    // as the learner writes them: a user's statistics all on the user's partition
    int partition = UserPartitioner.partitionOf(key.getUserId(), KafkaStackResource.PARTITIONS);
    send(userStats, new ProducerRecord<>(TOPICS.userStats, partition, key, value));
  }

  private void writeCommunityStats(CommunityStatsKey key, WinStats value) {
    send(communityStats, new ProducerRecord<>(TOPICS.communityStats, key, value));
  }

  private static <K> void send(
      KafkaProducer<K, WinStats> producer, ProducerRecord<K, WinStats> record) {
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not write " + record, e);
    }
  }

  private static WinStats stats(
      long trades, long wins, double pnl, int currentStreak, int bestStreak, Instant last) {
    return new WinStats(
        trades,
        wins,
        trades - wins,
        pnl,
        pnl * pnl,
        currentStreak,
        bestStreak,
        last,
        (double) wins,
        (double) trades,
        0);
  }

  /** Community statistics as the learner writes them, from {@code contributors} distinct users. */
  private static WinStats fromUsers(int contributors, WinStats stats) {
    return WinStats.newBuilder(stats).setContributors(contributors).build();
  }

  private static WinStats decayed(WinStats stats, double wins, double trades) {
    return WinStats.newBuilder(stats).setDecayedWins(wins).setDecayedTrades(trades).build();
  }

  private static JsonNode json(ValidatableResponse response) {
    try {
      return JSON.readTree(response.extract().asString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String uniqueUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /**
   * A symbol of its own, so that community statistics of other tests do not count here: one of the
   * configured instruments (any other is a 400) that no other test of this module trades (they
   * trade ES).
   */
  private static String uniqueSymbol() {
    int next = NEXT_SYMBOL.getAndIncrement();
    if (next >= OWN_SYMBOLS.size()) {
      throw new IllegalStateException("more tests than instruments of their own: add some");
    }
    return OWN_SYMBOLS.get(next);
  }

  /** Within the validator's bounds (not in the future, not too old); whole seconds for equality. */
  private static Instant recentTime() {
    return Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
  }

  private static <K, V> KafkaProducer<K, V> producer(
      KafkaStack stack, Serializer<K> keys, Serializer<V> values) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, keys, values);
  }

  private record MapLookup(Map<StatsKey, WinStats> user, Map<CommunityStatsKey, WinStats> community)
      implements StatsLookup {

    @Override
    public Optional<WinStats> user(StatsKey key) {
      return Optional.ofNullable(user.get(key));
    }

    @Override
    public Optional<WinStats> community(CommunityStatsKey key) {
      return Optional.ofNullable(community.get(key));
    }
  }

  /** The priors an answer names (ADR 20), as the estimator takes them. */
  private static ShrinkagePriors priorsOf(JsonNode answer) {
    JsonNode prior = answer.at("/evidence/prior");
    List<Double> strengths = new java.util.ArrayList<>();
    prior.get("strengths").forEach(s -> strengths.add(s.asDouble()));
    ShrinkagePriors fixed = ConfidenceEstimator.defaults().fixedPriors();
    return new ShrinkagePriors(
        prior.get("mean").asDouble(), strengths, fixed.skillStrength(), fixed.userStrength());
  }
}
