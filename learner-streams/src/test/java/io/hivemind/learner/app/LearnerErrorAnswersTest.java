package io.hivemind.learner.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The learner's HTTP side answers errors as problems too (bot-api's mappers), never HTML. */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class LearnerErrorAnswersTest {

  private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

  @Test
  void shouldAnswerUnknownPathsAndMethodsWithProblems() {
    for (String path : new String[] {"/api/no-such-thing", "/no-such-thing", "/q/no-such-thing"}) {
      given()
          .accept(BROWSER)
          .get(path)
          .then()
          .statusCode(404)
          .contentType(startsWith("application/problem+json"))
          .body("status", equalTo(404));
    }
    given()
        .accept(BROWSER)
        .delete("/api/learning")
        .then()
        .statusCode(405)
        .contentType(startsWith("application/problem+json"));
  }
}
