package io.hivemind.confidence.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.confidence.service.QueryKeys.Key;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.Topics;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.UserPartitioner;
import io.hivemind.schema.WinStats;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.hivemind.testkit.RegistryOutageResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The query started while the schema registry cannot be reached (the registry keeps running behind
 * a proxy, so it keeps its schema ids): its stores hold the registry's framing and its serdes have
 * never seen a schema. It starts and becomes ready (nothing on its way up needs the registry), and
 * every read of statistics answers a 503 problem with {@code Retry-After}, never a 500 or an HTML
 * page, whether the registry refuses connections or accepts them and never answers. Statistics the
 * learner writes meanwhile are not skipped: the thread that could not read them waits, and once the
 * registry is back they are served. A replay job that cannot read the log fails and says why; it
 * never counts what it could not read as unreadable.
 */
@QuarkusTest
@TestProfile(RegistryOutageProfile.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class QueryRegistryOutageTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Topics TOPICS = new Topics(RegistryOutageProfile.PREFIX);

  @Test
  void shouldAnswer503WithRetryAfterWhileTheRegistryIsAwayAndTheStatisticsOnceItIsBack()
      throws Exception {
    RegistryOutageResource.proxy().refuse(); // as at the start, whichever test ran first
    await("readiness with the registry away")
        .atMost(WAIT)
        .until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
    String user = QueryKeys.newUser();
    Key key = QueryKeys.bot(user, TOPICS);

    unavailable(stats(key));
    unavailable(winProbability(key));

    RegistryOutageResource.proxy().hang();
    long started = System.nanoTime();
    unavailable(stats(key));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));

    // the learner writes the user's statistics while the registry is still away
    RegistryOutageResource.proxy().refuse();
    writeUserStats(new StatsKey(user, "ES", Side.LONG, 0, "v1"), stats(7, 5));
    await("not ready while the thread that could not read them waits")
        .atMost(WAIT)
        .until(() -> RestAssured.get("/q/health/ready").statusCode() == 503);
    RestAssured.get("/q/health/live").then().statusCode(200);
    unavailable(stats(key));

    RegistryOutageResource.proxy().forward();
    await("the statistics once the registry is back")
        .atMost(WAIT)
        .untilAsserted(() -> stats(key).statusCode(200).body("total.trades", equalTo(7)));
    winProbability(key).statusCode(200);
    RestAssured.get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void shouldFailAReplayJobThatCannotReadTheLogWithAClearErrorInsteadOfSkippingIt()
      throws Exception {
    Instant from = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    writeTrade("replay-outage-1", from.plusSeconds(1));
    Key analyst = QueryKeys.analyst(TOPICS);
    RegistryOutageResource.proxy().refuse();
    try {
      String self =
          analyst
              .given()
              .contentType("application/json")
              .body(Map.of("from", from.toString(), "to", from.plusSeconds(10).toString()))
              .post("/api/replay/simulate")
              .then()
              .log()
              .ifValidationFails()
              .statusCode(202)
              .extract()
              .path("links.self");

      await("the replay job ended")
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  analyst
                      .given()
                      .get(self)
                      .then()
                      .statusCode(200)
                      .body("status", equalTo("failed"))
                      .body("error", containsString("schema registry unavailable"))
                      .body("error", containsString("run it again once the registry answers")));
    } finally {
      RegistryOutageResource.proxy().forward();
    }
  }

  private static void unavailable(ValidatableResponse response) {
    response
        .statusCode(503)
        .contentType(startsWith("application/problem+json"))
        .header("Retry-After", equalTo("1"))
        .body("status", equalTo(503))
        .body("detail", containsString("schema registry"));
  }

  private static ValidatableResponse stats(Key key) {
    return key.given()
        .queryParam("symbol", "ES")
        .get("/api/ml/stats")
        .then()
        .log()
        .ifValidationFails();
  }

  private static ValidatableResponse winProbability(Key key) {
    return key.given()
        .queryParam("symbol", "ES")
        .queryParam("side", "LONG")
        .queryParam("rsi", "34.2")
        .queryParam("vwap_z", "-2.15")
        .queryParam("timestamp", Instant.now().minusSeconds(60).toString())
        .get("/api/ml/win_probability")
        .then()
        .log()
        .ifValidationFails();
  }

  private static RecordMetadata writeUserStats(StatsKey key, WinStats value) throws Exception {
    KafkaStack stack = KafkaStack.shared();
    AvroSerdes serdes = AvroSerdes.registry(stack.registryUrl());
    int partition = UserPartitioner.partitionOf(key.getUserId(), KafkaStackResource.PARTITIONS);
    try (KafkaProducer<StatsKey, WinStats> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            serdes.keySerde(StatsKey.class).serializer(),
            serdes.valueSerde(WinStats.class).serializer())) {
      return producer
          .send(new ProducerRecord<>(TOPICS.userStats, partition, key, value))
          .get(30, TimeUnit.SECONDS);
    }
  }

  /** A signal and its outcome a second later, as the gateway writes them. */
  private static void writeTrade(String id, Instant signalTime) throws Exception {
    KafkaStack stack = KafkaStack.shared();
    String user = "replay-outage";
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            AvroSerdes.registry(stack.registryUrl())
                .valueSerde(SpecificRecord.class)
                .serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  TOPICS.signals,
                  null,
                  signalTime.toEpochMilli(),
                  user,
                  new Signal(
                      id,
                      user,
                      "ES",
                      Side.LONG,
                      4500.25,
                      signalTime,
                      "vwap_rsi",
                      Map.of("rsi", 30.0, "vwap_z", -1.5))))
          .get(30, TimeUnit.SECONDS);
      Instant exit = signalTime.plusSeconds(1);
      producer
          .send(
              new ProducerRecord<>(
                  TOPICS.outcomes,
                  null,
                  exit.toEpochMilli(),
                  user,
                  new TradeOutcome(
                      id,
                      user,
                      "ES",
                      Side.LONG,
                      4500.0,
                      4501.0,
                      signalTime,
                      exit,
                      1,
                      50.0,
                      "TARGET",
                      false)))
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static WinStats stats(long trades, long wins) {
    Instant last = Instant.now().minus(Duration.ofHours(2));
    return new WinStats(
        trades, wins, trades - wins, 10.0, 100.0, 1, 2, last, (double) wins, (double) trades, 0);
  }
}
