package io.hivemind.learner.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A record the learner cannot read and must not skip, in its own repartition topic (where only it
 * writes: such a record means the registry lost its schemas, and skipping it would lose learning):
 * the deserialization handler fails it, replacing the thread cannot cure it, so the client shuts
 * down and liveness says DOWN for the supervisor to restart the process.
 */
@QuarkusTest
@TestProfile(OwnTopicsProfile.Liveness.class)
class LearnerLivenessTest {

  private static final String REPARTITION =
      "learner-liveness-test-community-contributions-repartition";

  @Test
  void shouldReportLivenessDownWhenTheClientShutsDownOnARecordItMustNotSkip() throws Exception {
    Awaitility.await("the learner running")
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    given().get("/q/health/live").then().statusCode(200);

    try (KafkaProducer<String, byte[]> raw = LearnerClients.rawProducer()) {
      raw.send(
              new ProducerRecord<>(
                  REPARTITION, 0, "not a key", "not a record".getBytes(StandardCharsets.UTF_8)))
          .get();
    }

    Awaitility.await("liveness DOWN")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/live")
                    .then()
                    .statusCode(503)
                    .body("checks.data.state", hasItem("ERROR")));
  }
}
