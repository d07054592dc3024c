package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class BenchNoopResourceTest {

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  /** The benchmark's baseline needs no key: it must cost what the bare HTTP stack costs. */
  @Test
  void shouldAnswerASignalWithoutAKeyWith202AndPublishNothing() {
    assertNothingPublished(
        probe,
        () ->
            given()
                .contentType(ContentType.JSON)
                .body(Bodies.json(Bodies.signal(Bodies.newUserId())))
                .post("/api/bench/noop")
                .then()
                .statusCode(202)
                .body("status", equalTo("noop")));
  }
}
