package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class HealthAndMetricsTest {

  @Test
  void shouldBeReadyWithKafkaThePreparedPublisherAndTheKeysWithoutAKey() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.name",
            hasItems("Kafka connection health check", "ingest publisher", "api keys"));
  }

  @Test
  void shouldCountPublishedRecordsPerTopic() {
    post("/api/signals", Bodies.json(Bodies.signal(Ingest.user()))).statusCode(202);

    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("hivemind_ingest_published_total{topic=\"hivemind.signals\"}"))
        .body(containsString("hivemind_ingest_publish_seconds_count{topic=\"hivemind.signals\"}"));
  }
}
