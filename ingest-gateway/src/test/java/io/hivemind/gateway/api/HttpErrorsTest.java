package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.hivemind.gateway.api.Ingest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.gateway.access.TestKeys;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.util.Map;
import org.apache.http.params.CoreProtocolPNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors HTTP itself raises are answered in problem+json like validation errors. */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class HttpErrorsTest {

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
  void shouldRefuseABodyOverTheLimitNamingTheBody() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put("strategy", "x".repeat(300 * 1024));
    String body = Bodies.json(signal);
    assertThat(body.length()).isGreaterThan(256 * 1024);

    // As a careful client sends a large body: it waits for the server's go-ahead (Expect:
    // 100-continue) and so reads the 413 instead of writing the rest into a closing connection
    // (without it the client's write races the server's close, and sometimes loses: broken pipe).
    RestAssuredConfig waitForContinue =
        RestAssured.config()
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam(CoreProtocolPNames.USE_EXPECT_CONTINUE, true));
    assertNothingPublished(
        probe,
        () ->
            assertProblem(
                TestKeys.bot()
                    .given()
                    .config(waitForContinue)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/signals")
                    .then(),
                413,
                "body"));
  }

  @Test
  void shouldRefuseAnotherContentTypeWith415() {
    TestKeys.bot()
        .given()
        .contentType(ContentType.TEXT)
        .body("signal_id=1")
        .when()
        .post("/api/signals")
        .then()
        .statusCode(415)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(415));
  }

  @Test
  void shouldAnswerAWrongMethodWith405() {
    TestKeys.bot()
        .given()
        .when()
        .get("/api/signals")
        .then()
        .statusCode(405)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(405));
  }

  @Test
  void shouldAnswerAnUnknownPathWith404() {
    TestKeys.bot()
        .given()
        .when()
        .post("/api/no-such-thing")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(404));
  }
}
