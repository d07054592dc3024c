package io.hivemind.confidence.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.confidence.service.QueryKeys.Key;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No endpoint answers a bare 500 or an HTML page (the error mapping itself is bot-api's, tested
 * there; this is its wiring in the service): failures in REST resources and outside them, unknown
 * paths and methods, whatever the caller accepts.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(QueryInstanceResource.class)
class ErrorAnswersTest {

  /** A browser's, anything, and what a bot sends. */
  private static final List<String> ACCEPTS =
      List.of("text/html,application/xhtml+xml,*/*;q=0.8", "*/*", "application/json");

  @Test
  void shouldAnswerATransportFaultOfTheRegistryOrTheBroker503WithRetryAfter() {
    Key key = QueryKeys.bot();
    for (String accept : ACCEPTS) {
      for (String kind : List.of("registry", "broker")) {
        problem(key.given().accept(accept).get("/api/test-failures/" + kind).then(), 503)
            .header("Retry-After", equalTo("1"));
        problem(given().accept(accept).get("/test-vertx-failures/" + kind).then(), 503)
            .header("Retry-After", equalTo("1"));
      }
    }
  }

  @Test
  void shouldAnswerABug500WithoutItsMessage() {
    Key key = QueryKeys.bot();
    for (String accept : ACCEPTS) {
      problem(key.given().accept(accept).get("/api/test-failures/bug").then(), 500)
          .body(not(containsString("secret")))
          .body("detail", containsString("error id"));
      problem(given().accept(accept).get("/test-vertx-failures/bug").then(), 500)
          .body(not(containsString("secret")));
    }
  }

  @Test
  void shouldAnswerUnknownPathsAndMethodsWithProblems() {
    Key key = QueryKeys.bot();
    for (String accept : ACCEPTS) {
      problem(key.given().accept(accept).get("/api/no-such-thing").then(), 404);
      problem(key.given().accept(accept).get("/no-such-thing").then(), 404);
      problem(key.given().accept(accept).get("/q/no-such-thing").then(), 404);
      problem(given().accept(accept).get("/no-such-thing").then(), 401); // no key: no paths
      problem(key.given().accept(accept).delete("/api/ml/stats").then(), 405);
    }
    // only HTML acceptable: refused as a problem all the same
    problem(key.given().accept("text/html").get("/api/ml/stats").then(), 406);
  }

  private static ValidatableResponse problem(ValidatableResponse response, int status) {
    return response
        .log()
        .ifValidationFails()
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(status));
  }
}
