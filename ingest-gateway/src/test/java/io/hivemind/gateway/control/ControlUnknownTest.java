package io.hivemind.gateway.control;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingState;
import io.hivemind.control.kafka.ControlPublisher;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
import io.hivemind.gateway.api.OwnTopicsResource;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * A control record the gateway cannot read makes the control state unknown, and the gateway fails
 * closed (DESIGN §12): not ready, every command and every answer that carries a trading state is
 * 503 with {@code Retry-After}, never a default ACTIVE. Writing the setting again heals it. On
 * topics of its own, since the broken record would stop every gateway reading it.
 */
@QuarkusTest
@TestProfile(ControlUnknownTest.OwnTopics.class)
class ControlUnknownTest {

  static final String PREFIX = "unknown-control-" + UUID.randomUUID() + ".";
  static final Topics TOPICS = new Topics(PREFIX);
  private static final Duration WAIT = Duration.ofSeconds(20);

  public static class OwnTopics implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OwnTopicsResource.class, Map.of("prefix", PREFIX)));
    }
  }

  @Test
  @Timeout(120)
  void shouldRefuseEverythingThatNeedsTheControlStateUntilItCanBeReadAgain() throws Exception {
    TestKeys keys = TestKeys.of(TOPICS);
    Key admin = keys.mint("ops-" + TestKeys.newUser(), Tier.ELITE, Role.ADMIN);
    Key bot = keys.mint(TestKeys.newUser(), Tier.PRO, Role.BOT);

    writeRaw("global/trading", "not a control record".getBytes(StandardCharsets.UTF_8));

    await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'control' }.status", equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'control' }.data.reason",
            containsString("could not be read"));
    unavailable(
        admin
            .given()
            .contentType(ContentType.JSON)
            .body(Map.of("reason", "drill"))
            .post("/api/emergency/pause_all")
            .then());
    unavailable(admin.given().get("/api/control/state").then());
    unavailable(admin.given().get("/api/maintenance/status").then());
    unavailable(ControlEndpointsTest.heartbeat(bot, null));
    unavailable(bot.given().get("/api/control/stream").then());

    // an operator writes the setting again: the unreadable record is replaced, the state known
    ControlEntry halt =
        new ControlEntry(
            Scope.GLOBAL,
            new Setting.ManualTrading(TradingState.HALTED),
            new Provenance(
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "ops:test",
                "rewrite"));
    try (ControlPublisher publisher =
        new ControlPublisher(
            connection(), TOPICS, SelfDescribingSerdes.anyRecord(), Duration.ofSeconds(10))) {
      publisher.publish("emergency.halt_all", "ops:test", Optional.empty(), halt);
    }

    await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    admin
        .given()
        .get("/api/control/state")
        .then()
        .statusCode(200)
        .body("fleet.trading_state", equalTo("HALTED"));
  }

  private static void unavailable(ValidatableResponse response) {
    response
        .statusCode(503)
        .contentType(startsWith("application/problem+json"))
        .header("Retry-After", equalTo("1"))
        .body("detail", containsString("control state is not known"));
  }

  private static Map<String, Object> connection() {
    return Map.of("bootstrap.servers", KafkaStack.shared().bootstrapServers());
  }

  private static void writeRaw(String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(connection(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(TOPICS.control, key, value)).get(10, TimeUnit.SECONDS);
    }
  }
}
