package io.hivemind.confidence.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.confidence.service.QueryKeys.Key;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays over HTTP against a real broker and registry, asked with an analyst's key: a log of
 * signals and outcomes is written once, at record times three days ago that no other test writes
 * at; a replay posted over that range runs as a job whose report is served, and bad settings are
 * refused naming the field.
 *
 * <p>The service shares the other service tests' instance and default topic prefix: restarting it
 * with other settings in the same JVM fails (the control view reads its settings at static init).
 * The record-time range alone keeps what a replay reads exactly what this class wrote: nothing else
 * in this module writes signals or outcomes.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(QueryInstanceResource.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // an HTTP call has no bound of its own
class ReplayResourceTest {

  private static final Duration JOB_DONE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Topics TOPICS = Topics.withDefaultPrefix();
  private static final int TRADES = 12;
  private static final int RECORDS = 2 * TRADES;
  private static final Instant FROM =
      Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
  private static final Instant TO = FROM.plusSeconds(RECORDS + 1);

  private static double expectedPnl;
  private static int expectedWins;

  /** Every third trade loses 30, the others win 50; a signal, then its outcome a second later. */
  @BeforeAll
  static void writeTheLog() throws Exception {
    KafkaStack stack = KafkaStack.shared();
    Serializer<SpecificRecord> avro =
        AvroSerdes.registry(stack.registryUrl()).valueSerde(SpecificRecord.class).serializer();
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(config, new StringSerializer(), avro)) {
      for (int i = 0; i < TRADES; i++) {
        String user = "analyst-" + (i % 3);
        String id = "replay-api-" + i;
        Instant signalTime = FROM.plusSeconds(2L * i);
        Instant exitTime = signalTime.plusSeconds(1);
        double pnl = i % 3 == 0 ? -30 : 50;
        expectedPnl += pnl;
        expectedWins += pnl > 0 ? 1 : 0;
        Signal signal =
            new Signal(
                id,
                user,
                "ES",
                Side.LONG,
                4500.25,
                signalTime,
                "vwap_rsi",
                Map.of("rsi", 30.0 + i, "vwap_z", -1.5));
        TradeOutcome outcome =
            new TradeOutcome(
                id,
                user,
                "ES",
                Side.LONG,
                4500.0,
                4500.0 + pnl / 50,
                signalTime,
                exitTime,
                1,
                pnl,
                pnl > 0 ? "TARGET" : "STOP",
                false);
        send(producer, TOPICS.signals, signalTime, user, signal);
        send(producer, TOPICS.outcomes, exitTime, user, outcome);
      }
    }
  }

  @Test
  void shouldRunAReplayAsAJobAndServeItsReport() {
    ExtractableResponse<Response> posted =
        simulate(
                Map.of(
                    "from",
                    FROM.toString(),
                    "to",
                    TO.toString(),
                    "thresholds",
                    List.of(0.05, 0.95)))
            .statusCode(202)
            .contentType("application/json")
            .extract();
    JsonNode accepted = json(posted.asString());
    String id = accepted.get("id").asText();
    String self = "/api/replay/" + id;
    assertThat(UUID.fromString(id)).hasToString(id);
    assertThat(accepted.get("status").asText()).isIn("queued", "running", "done");
    assertThat(accepted.get("records").asLong()).isEqualTo(RECORDS);
    assertThat(accepted.at("/links/self").asText()).isEqualTo(self);
    assertThat(posted.header("Location")).endsWith(self);

    JsonNode done =
        await("replay done")
            .atMost(JOB_DONE)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> json(analyst().get(self).then().statusCode(200).extract().asString()),
                job -> job.get("status").asText().matches("done|failed|cancelled"));

    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
    JsonNode report = done.get("report");
    assertThat(report.at("/run/input/records").asLong()).isEqualTo(RECORDS);
    assertThat(report.at("/walk/signals").asLong()).isEqualTo(TRADES);
    assertThat(report.at("/walk/outcomes").asLong()).isEqualTo(TRADES);
    JsonNode variant = report.at("/results/0");
    assertThat(variant.at("/live/trades").asLong()).isEqualTo(TRADES);
    assertThat(variant.at("/live/pnl").asDouble()).isEqualTo(expectedPnl);
    assertThat(variant.at("/live/win_rate").asDouble())
        .isCloseTo(expectedWins / (double) TRADES, within(1e-6));
    JsonNode thresholds = variant.get("thresholds");
    assertThat(thresholds).hasSize(2);
    for (JsonNode threshold : thresholds) {
      assertThat(threshold.get("taken").asLong() + threshold.get("skipped").asLong())
          .isEqualTo(TRADES);
    }
    // a dozen trades cannot make anyone's confidence as low as 0.05 or as high as 0.95
    assertThat(thresholds.get(0).at("/performance/trades").asLong()).isEqualTo(TRADES);
    assertThat(thresholds.get(0).at("/performance/pnl").asDouble()).isEqualTo(expectedPnl);
    assertThat(thresholds.get(1).at("/performance/trades").asLong()).isZero();
    assertThat(done.at("/links/report_html").asText()).isEqualTo(self + "/report.html");
    assertThat(done.at("/links/decisions_csv").asText()).isEqualTo(self + "/decisions.csv");
    assertThat(done.get("settings").get("thresholds")).hasSize(2);
    assertThat(done.get("progress")).isNull();

    String html =
        analyst()
            .get(self + "/report.html")
            .then()
            .statusCode(200)
            .contentType("text/html")
            .extract()
            .asString();
    assertThat(html).contains("<svg");
    String csv =
        analyst()
            .get(self + "/decisions.csv")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();
    assertThat(csv.lines()).hasSize(1 + TRADES).first().asString().startsWith("half_life,");

    JsonNode history =
        json(analyst().get("/api/replay/historical").then().statusCode(200).extract().asString());
    JsonNode listed = null;
    for (JsonNode run : history) {
      if (run.get("id").asText().equals(id)) {
        listed = run;
      }
    }
    assertThat(listed).as("listed in %s", history).isNotNull();
    assertThat(listed.get("status").asText()).isEqualTo("done");
    assertThat(listed.get("finished").asText()).isNotEmpty();
    assertThat(listed.get("headlines")).hasSize(2);
    assertThat(listed.at("/headlines/0/threshold").asDouble()).isEqualTo(0.05);
    assertThat(listed.at("/headlines/0/trades").asLong())
        .isEqualTo(thresholds.get(0).at("/performance/trades").asLong());
    assertThat(listed.at("/headlines/0/pnl").asDouble())
        .isEqualTo(thresholds.get(0).at("/performance/pnl").asDouble());
  }

  static Stream<Arguments> badSettings() {
    String from = FROM.toString();
    String to = TO.toString();
    return Stream.of(
        Arguments.of("{\"from\":\"" + to + "\",\"to\":\"" + from + "\"}", "to"),
        Arguments.of(body(from, to, "\"thresholds\":[1.5]"), "thresholds"),
        Arguments.of(body(from, to, "\"schemes\":[\"v9\"]"), "schemes"),
        Arguments.of(body(from, to, "\"symbols\":[\"es!\"]"), "symbols"),
        Arguments.of(body(from, to, "\"half_lives\":[\"a month\"]"), "half_lives"),
        Arguments.of("{\"from\":\"2020-01-01\",\"to\":\"2020-02-01\"}", "from"),
        // well formed, but the fleet never traded it
        Arguments.of(body(from, to, "\"symbols\":[\"ZZ\"]"), "symbols"),
        Arguments.of(body(from, to, "\"thresholds\":\"high\""), "thresholds"),
        Arguments.of(body(from, to, "\"threshold\":0.7"), "threshold"),
        Arguments.of("{\"from\":", "body"),
        Arguments.of("", "body"));
  }

  @ParameterizedTest
  @MethodSource("badSettings")
  void shouldRefuseBadSettingsNamingTheField(String body, String field) {
    JsonNode problem =
        json(
            analyst()
                .contentType("application/json")
                .body(body)
                .post("/api/replay/simulate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .asString());

    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("violations")).as(problem.toString()).hasSize(1);
    assertThat(problem.at("/violations/0/field").asText()).isEqualTo(field);
  }

  @Test
  void shouldAnswer404ForAReplayThatWasNeverRun() {
    String unknown = "/api/replay/" + UUID.randomUUID();
    for (String path : List.of(unknown, unknown + "/report.html", unknown + "/decisions.csv")) {
      JsonNode problem =
          json(
              analyst()
                  .get(path)
                  .then()
                  .statusCode(404)
                  .contentType("application/problem+json")
                  .extract()
                  .asString());
      assertThat(problem.get("status").asInt()).isEqualTo(404);
    }
  }

  @Test
  void shouldNameAnIdThatIsNotAReplayId() {
    JsonNode problem =
        json(
            problem(analyst().get("/api/replay/..%2F..%2Fetc").then())
                .statusCode(400)
                .extract()
                .asString());

    assertThat(problem.at("/violations/0/field").asText()).isEqualTo("id");
  }

  @Test
  void shouldNameABadHistoryLimit() {
    JsonNode problem =
        json(
            problem(analyst().queryParam("limit", 0).get("/api/replay/historical").then())
                .statusCode(400)
                .extract()
                .asString());

    assertThat(problem.at("/violations/0/field").asText()).isEqualTo("limit");
  }

  @Test
  void shouldRefuseEveryReplayEndpointToABotKey() {
    Key bot = QueryKeys.bot();
    String job = "/api/replay/" + UUID.randomUUID();
    List<ValidatableResponse> answers =
        List.of(
            bot.given()
                .contentType("application/json")
                .body(Map.of("from", FROM.toString(), "to", TO.toString()))
                .post("/api/replay/simulate")
                .then(),
            bot.given().get("/api/replay/historical").then(),
            bot.given().get(job).then(),
            bot.given().delete(job).then(),
            bot.given().get(job + "/report.html").then(),
            bot.given().get(job + "/decisions.csv").then());
    for (ValidatableResponse answer : answers) {
      answer
          .statusCode(403)
          .contentType(startsWith("application/problem+json"))
          .body("status", equalTo(403))
          .body(
              "detail",
              equalTo("this endpoint needs a key with role analyst; this key has role bot"));
    }
  }

  @Test
  void shouldLetAnAdminKeyReplay() {
    QueryKeys.admin().given().get("/api/replay/historical").then().statusCode(200);
  }

  @Test
  void shouldRefuseReplaysWithoutAKey() {
    given()
        .contentType("application/json")
        .body(Map.of("from", FROM.toString(), "to", TO.toString()))
        .post("/api/replay/simulate")
        .then()
        .statusCode(401);
  }

  /** Replays read the whole fleet's log: they need role analyst (or admin). */
  private static RequestSpecification analyst() {
    return QueryKeys.analyst().given();
  }

  private static ValidatableResponse problem(ValidatableResponse response) {
    return response.contentType("application/problem+json");
  }

  private static ValidatableResponse simulate(Map<String, Object> body) {
    return analyst().contentType("application/json").body(body).post("/api/replay/simulate").then();
  }

  private static String body(String from, String to, String more) {
    return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"," + more + "}";
  }

  private static void send(
      KafkaProducer<String, SpecificRecord> producer,
      String topic,
      Instant time,
      String key,
      SpecificRecord value)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topic, null, time.toEpochMilli(), key, value))
        .get(30, TimeUnit.SECONDS);
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
