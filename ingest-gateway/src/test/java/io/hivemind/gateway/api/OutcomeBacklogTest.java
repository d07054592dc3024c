package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.TOPICS;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
import io.hivemind.gateway.backlog.OutcomeBacklogs;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user the learner lists as having a full backlog of outcomes waiting for their signals gets 429
 * for outcomes that do not come with their signal, and nothing of the refused request is sent; a
 * tombstone lets them through again. The backlog records are written here as the learner writes
 * them: key user_id, value the count as a long, a tombstone once below the cap.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@Timeout(120)
class OutcomeBacklogTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Inject OutcomeBacklogs backlogs;

  private TopicProbe probe;
  private Key flooder;

  @BeforeEach
  void setUp() {
    probe = new TopicProbe();
    flooder = TestKeys.standard().mint(TestKeys.newUser(), Tier.ELITE, Role.BOT);
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  private void listBacklog(String user, Long waiting) throws Exception {
    Map<String, Object> config =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.shared().bootstrapServers());
    try (KafkaProducer<String, Long> producer =
        new KafkaProducer<>(config, new StringSerializer(), new LongSerializer())) {
      producer.send(new ProducerRecord<>(TOPICS.outcomeBacklogs, user, waiting)).get();
    }
    Awaitility.await("the gateway has read the backlog of " + user)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> backlogs.fullBacklogOf(user).isPresent() == (waiting != null));
  }

  private ValidatableResponse post(String path, Object body) {
    return flooder
        .given()
        .contentType(ContentType.JSON)
        .body(Bodies.json(body))
        .when()
        .post(path)
        .then()
        .log()
        .ifValidationFails();
  }

  private Map<String, Object> outcome() {
    Map<String, Object> outcome = Bodies.outcome(flooder.userId());
    outcome.remove("user_id");
    return outcome;
  }

  private static ValidatableResponse assertBacklogFull(ValidatableResponse response) {
    return response
        .statusCode(429)
        .contentType(startsWith("application/problem+json"))
        .header("Retry-After", "60")
        .body("type", equalTo("urn:hivemind:problem:outcome-backlog-full"))
        .body("status", equalTo(429))
        .body(
            "detail",
            startsWith("1000 outcomes are waiting for their signals; post the signals first"));
  }

  @Test
  void shouldRefuseAnOutcomeOfAUserWhoseBacklogIsFullAndSendNothing() throws Exception {
    post("/api/outcomes", outcome()).statusCode(202); // not listed yet
    listBacklog(flooder.userId(), 1000L);

    Ingest.assertNothingPublished(
        probe,
        () ->
            assertBacklogFull(post("/api/outcomes", outcome()))
                .body("violations.field", contains("signal_id"))
                .body("violations.message", hasItem(containsString("post the signals first"))));
  }

  @Test
  void shouldRefuseAWholeBatchWithALoneOutcomeAndSendNothingOfIt() throws Exception {
    listBacklog(flooder.userId(), 1000L);
    Map<String, Object> signal = Bodies.signal(flooder.userId());
    signal.remove("user_id");
    Map<String, Object> paired = outcome();
    paired.put("signal_id", signal.get("signal_id"));

    Ingest.assertNothingPublished(
        probe,
        () ->
            assertBacklogFull(
                    post(
                        "/api/events",
                        Map.of("signals", List.of(signal), "outcomes", List.of(paired, outcome()))))
                .body("violations.field", contains("outcomes[1].signal_id")));
  }

  @Test
  void shouldAcceptSignalsAndOutcomesThatComeWithTheirSignalWhileTheBacklogIsFull()
      throws Exception {
    listBacklog(flooder.userId(), 1000L);
    Map<String, Object> signal = Bodies.signal(flooder.userId());
    signal.remove("user_id");
    Map<String, Object> paired = outcome();
    paired.put("signal_id", signal.get("signal_id"));

    post("/api/signals", signal).statusCode(202);
    post("/api/events", Map.of("signals", List.of(signal), "outcomes", List.of(paired)))
        .statusCode(202)
        .body("outcomes", equalTo(1));
  }

  @Test
  void shouldAcceptTheUsersOutcomesAgainOnceTheBacklogIsNoLongerListed() throws Exception {
    listBacklog(flooder.userId(), 1000L);
    assertBacklogFull(post("/api/outcomes", outcome()));

    listBacklog(flooder.userId(), null);

    post("/api/outcomes", outcome()).statusCode(202);
    post("/api/events", Map.of("outcomes", List.of(outcome()))).statusCode(202);
  }

  @Test
  void shouldNotRefuseAnotherUsersOutcomes() throws Exception {
    listBacklog(flooder.userId(), 1000L);

    Ingest.post("/api/outcomes", Bodies.json(Bodies.outcome(Ingest.user()))).statusCode(202);
  }
}
