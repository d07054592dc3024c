package io.hivemind.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.gateway.access.TestKeys;
import io.hivemind.schema.Topics;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** HTTP calls to the gateway and the checks the ingest tests share. */
final class Ingest {

  static final Topics TOPICS = Topics.withDefaultPrefix();

  private Ingest() {}

  /** The user of the shared test key: every event a test posts is this user's. */
  static String user() {
    return TestKeys.bot().userId();
  }

  /** A POST with the shared test key. */
  static ValidatableResponse post(String path, String jsonBody) {
    return TestKeys.bot()
        .given()
        .contentType(ContentType.JSON)
        .body(jsonBody)
        .when()
        .post(path)
        .then()
        .log()
        .ifValidationFails();
  }

  /** A 400 or 413 in problem+json whose violations name {@code field}. */
  static ValidatableResponse assertProblem(ValidatableResponse response, int status, String field) {
    return response
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(status))
        .body("violations.field", hasItem(field));
  }

  /**
   * Runs a request that must be refused and proves it wrote nothing: valid marker requests are sent
   * after it, and once they are acknowledged exactly one record per topic (the marker) was
   * appended. A refused request that had been sent would show up as a second record.
   */
  static void assertNothingPublished(TopicProbe probe, Runnable refusedRequest) {
    Map<TopicPartition, Long> before =
        probe.endOffsets(TOPICS.signals, TOPICS.outcomes, TOPICS.heartbeats);

    refusedRequest.run();

    String marker = user();
    post("/api/signals", Bodies.json(Bodies.signal(marker))).statusCode(202);
    post("/api/outcomes", Bodies.json(Bodies.outcome(marker))).statusCode(202);
    post("/api/bots/heartbeat", Bodies.json(Bodies.heartbeat(marker))).statusCode(202);
    Map<TopicPartition, Long> after =
        probe.endOffsets(TOPICS.signals, TOPICS.outcomes, TOPICS.heartbeats);
    assertThat(TopicProbe.appended(TOPICS.signals, before, after)).as("signals").isEqualTo(1);
    assertThat(TopicProbe.appended(TOPICS.outcomes, before, after)).as("outcomes").isEqualTo(1);
    assertThat(TopicProbe.appended(TOPICS.heartbeats, before, after)).as("heartbeats").isEqualTo(1);
  }
}
