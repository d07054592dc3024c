package io.hivemind.confidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.confidence.service.QueryInstanceResource;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(QueryInstanceResource.class)
class BenchNoopResourceTest {

  @Test
  void shouldAnswerWithATinyJsonBody() {
    given()
        .when()
        .get("/api/bench/noop")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("status", equalTo("noop"));
  }
}
