package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.TOPICS;
import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.hivemind.gateway.api.Ingest.assertProblem;
import static io.hivemind.gateway.api.Ingest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.hivemind.schema.Heartbeat;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class HeartbeatIngestTest {

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  @Test
  void shouldPublishAHeartbeatKeyedByUser() {
    String userId = Ingest.user();

    JsonPath answer =
        post("/api/bots/heartbeat", Bodies.json(Bodies.heartbeat(userId)))
            .statusCode(202)
            .body("status", equalTo("accepted"))
            .body("user_id", equalTo(userId))
            .extract()
            .jsonPath();

    ConsumerRecord<String, SpecificRecord> record =
        probe.recordAt(TOPICS.heartbeats, answer.getInt("partition"), answer.getLong("offset"));
    assertThat(record.key()).isEqualTo(userId);
    Heartbeat heartbeat = (Heartbeat) record.value();
    assertThat(heartbeat.getBotVersion()).isEqualTo("1.4.2");
    assertThat(heartbeat.getStatus()).isEqualTo("RUNNING");
    assertThat(heartbeat.getOpenPositions()).isEqualTo(1);
    assertThat(heartbeat.getSymbols()).isEqualTo(List.of("ES", "NQ"));
  }

  @Test
  void shouldRefuseAHeartbeatWithoutABotVersion() {
    Map<String, Object> heartbeat = Bodies.heartbeat(Ingest.user());
    heartbeat.remove("bot_version");
    assertNothingPublished(
        probe,
        () ->
            assertProblem(post("/api/bots/heartbeat", Bodies.json(heartbeat)), 400, "bot_version"));
  }

  @Test
  void shouldPublishTheBarsOfAHeartbeat() {
    String userId = Ingest.user();
    Map<String, Object> heartbeat = Bodies.heartbeat(userId);
    String minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60).toString();
    heartbeat.put(
        "bars",
        List.of(Map.of("symbol", "ES", "minute", minute, "close", 4500.25, "volume", 1234)));

    JsonPath answer =
        post("/api/bots/heartbeat", Bodies.json(heartbeat)).statusCode(202).extract().jsonPath();

    Heartbeat published =
        (Heartbeat)
            probe
                .recordAt(TOPICS.heartbeats, answer.getInt("partition"), answer.getLong("offset"))
                .value();
    assertThat(published.getBars()).hasSize(1);
    assertThat(published.getBars().get(0).getSymbol()).isEqualTo("ES");
    assertThat(published.getBars().get(0).getMinute().toString()).isEqualTo(minute);
    assertThat(published.getBars().get(0).getClose()).isEqualTo(4500.25);
  }

  @Test
  void shouldRefuseABarNamingItsField() {
    Map<String, Object> heartbeat = Bodies.heartbeat(Ingest.user());
    String minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60).toString();
    heartbeat.put(
        "bars", List.of(Map.of("symbol", "ES", "minute", minute, "close", -1, "volume", 1)));
    assertNothingPublished(
        probe,
        () ->
            assertProblem(
                post("/api/bots/heartbeat", Bodies.json(heartbeat)), 400, "bars[0].close"));
  }
}
