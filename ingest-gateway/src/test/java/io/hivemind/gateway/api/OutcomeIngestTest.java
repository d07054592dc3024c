package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.TOPICS;
import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.hivemind.gateway.api.Ingest.assertProblem;
import static io.hivemind.gateway.api.Ingest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.schema.Side;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class OutcomeIngestTest {

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
  void shouldPublishAValidOutcomeKeyedByUserOnceAcknowledged() {
    String userId = Ingest.user();
    Map<String, Object> body = Bodies.outcome(userId);

    JsonPath answer =
        post("/api/outcomes", Bodies.json(body))
            .statusCode(202)
            .body("status", equalTo("accepted"))
            .body("signal_id", equalTo(body.get("signal_id")))
            .extract()
            .jsonPath();

    ConsumerRecord<String, SpecificRecord> record =
        probe.recordAt(TOPICS.outcomes, answer.getInt("partition"), answer.getLong("offset"));
    assertThat(record.key()).isEqualTo(userId);
    TradeOutcome outcome = (TradeOutcome) record.value();
    assertThat(outcome.getSignalId()).isEqualTo(body.get("signal_id"));
    assertThat(outcome.getUserId()).isEqualTo(userId);
    assertThat(outcome.getSymbol()).isEqualTo("NQ");
    assertThat(outcome.getSide()).isEqualTo(Side.SHORT);
    assertThat(outcome.getEntryPrice()).isEqualTo(16000.5);
    assertThat(outcome.getExitPrice()).isEqualTo(15990.25);
    assertThat(outcome.getEntryTime()).isEqualTo(Instant.parse((String) body.get("entry_time")));
    assertThat(outcome.getExitTime()).isEqualTo(Instant.parse((String) body.get("exit_time")));
    assertThat(outcome.getContracts()).isEqualTo(2);
    assertThat(outcome.getPnl()).isEqualTo(410.0);
    assertThat(outcome.getExitReason()).isEqualTo("TARGET");
  }

  @Test
  void shouldStampAPrivateKeysOutcomesPrivateAndOthersNot() {
    TestKeys.Key secluded =
        TestKeys.standard().mint(TestKeys.newUser(), Tier.ELITE, Role.BOT, true);

    JsonPath single =
        postAs(secluded, "/api/outcomes", Bodies.json(Bodies.outcome(secluded.userId())))
            .statusCode(202)
            .extract()
            .jsonPath();
    Map<TopicPartition, Long> before = probe.endOffsets(TOPICS.outcomes);
    postAs(
            secluded,
            "/api/events",
            Bodies.json(
                Map.of(
                    "outcomes",
                    List.of(Bodies.outcome(secluded.userId()), Bodies.outcome(secluded.userId())))))
        .statusCode(202);
    List<ConsumerRecord<String, SpecificRecord>> batch =
        probe.recordsFrom(TOPICS.outcomes, before, 2);
    // an ordinary (elite) key cannot make itself private: the field is not in the contract
    Map<String, Object> claimed = Bodies.outcome(Ingest.user());
    claimed.put("private_user", true);
    JsonPath ordinary =
        post("/api/outcomes", Bodies.json(claimed)).statusCode(202).extract().jsonPath();

    assertThat(outcomeAt(single).getPrivateUser()).isTrue();
    assertThat(outcomeAt(single).getUserId()).isEqualTo(secluded.userId());
    assertThat(batch)
        .hasSize(2)
        .allSatisfy(
            record -> {
              assertThat(record.key()).isEqualTo(secluded.userId());
              assertThat(((TradeOutcome) record.value()).getPrivateUser()).isTrue();
            });
    assertThat(outcomeAt(ordinary).getUserId()).isEqualTo(Ingest.user());
    assertThat(outcomeAt(ordinary).getPrivateUser()).isFalse();
  }

  private TradeOutcome outcomeAt(JsonPath answer) {
    return (TradeOutcome)
        probe
            .recordAt(TOPICS.outcomes, answer.getInt("partition"), answer.getLong("offset"))
            .value();
  }

  private static ValidatableResponse postAs(TestKeys.Key key, String path, String body) {
    return key.given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then()
        .log()
        .ifValidationFails();
  }

  @Test
  void shouldRefuseAnExitBeforeTheEntry() {
    Map<String, Object> outcome = Bodies.outcome(Ingest.user());
    outcome.put("exit_time", Bodies.minutesAgo(30));
    assertNothingPublished(
        probe, () -> assertProblem(post("/api/outcomes", Bodies.json(outcome)), 400, "exit_time"));
  }

  @Test
  void shouldRefuseContractsOfTheWrongType() {
    Map<String, Object> outcome = Bodies.outcome(Ingest.user());
    outcome.put("contracts", "two");
    assertNothingPublished(
        probe, () -> assertProblem(post("/api/outcomes", Bodies.json(outcome)), 400, "contracts"));
  }
}
