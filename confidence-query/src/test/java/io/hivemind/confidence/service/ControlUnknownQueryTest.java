package io.hivemind.confidence.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.confidence.service.QueryKeys.Key;
import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingState;
import io.hivemind.control.kafka.ControlPublisher;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A control record the query cannot read makes the control state unknown here: the confidence
 * answer is 503 with {@code Retry-After} (a bot is never told {@code take_trade: true} on a state
 * nobody knows) and the instance is not ready, until a later record of the same key replaces it.
 * The broken record goes to the shared control topic and is replaced before the test ends.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(QueryInstanceResource.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ControlUnknownQueryTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KEY = "global/trading";

  @Test
  void shouldAnswer503InsteadOfATradingStateItCannotKnow() throws Exception {
    Key bot = QueryKeys.bot();
    await("readiness")
        .atMost(Duration.ofSeconds(120))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
    ask(bot).statusCode(200).body("trading_state", equalTo("ACTIVE"));

    writeRaw("not a control record".getBytes(StandardCharsets.UTF_8));
    try {
      await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 503);
      ask(bot)
          .statusCode(503)
          .contentType(startsWith("application/problem+json"))
          .header("Retry-After", equalTo("1"))
          .body("detail", containsString("control state is not known"));
    } finally {
      publishActive(); // replaces the broken record: the topic is every query test's
    }

    await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
    ask(bot).statusCode(200).body("trading_state", equalTo("ACTIVE"));
  }

  private static ValidatableResponse ask(Key bot) {
    return given()
        .header("Authorization", bot.header())
        .queryParam("symbol", "ES")
        .queryParam("side", "LONG")
        .queryParam("rsi", 34.2)
        .queryParam("vwap_z", -2.15)
        .queryParam("threshold", 0)
        .get("/api/ml/win_probability")
        .then();
  }

  private static Map<String, Object> connection() {
    return Map.of("bootstrap.servers", KafkaStack.shared().bootstrapServers());
  }

  private static void writeRaw(byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(connection(), new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(new ProducerRecord<>(Topics.withDefaultPrefix().control, KEY, value))
          .get(10, TimeUnit.SECONDS);
    }
  }

  private static void publishActive() {
    try (ControlPublisher publisher =
        new ControlPublisher(
            connection(),
            Topics.withDefaultPrefix(),
            SelfDescribingSerdes.anyRecord(),
            Duration.ofSeconds(10))) {
      publisher.publish(
          "emergency.resume_all",
          "test",
          Optional.empty(),
          new ControlEntry(
              Scope.GLOBAL,
              new Setting.ManualTrading(TradingState.ACTIVE),
              new Provenance(
                  UUID.randomUUID().toString(),
                  Instant.now().truncatedTo(ChronoUnit.MILLIS),
                  "test",
                  "replaces the broken record")));
    }
  }
}
