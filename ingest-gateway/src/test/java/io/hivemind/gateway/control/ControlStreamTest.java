package io.hivemind.gateway.control;

import static io.hivemind.gateway.control.ControlEndpointsTest.TOKEN;
import static io.hivemind.gateway.control.ControlEndpointsTest.admin;
import static io.hivemind.gateway.control.ControlEndpointsTest.heartbeat;
import static io.hivemind.gateway.control.ControlEndpointsTest.newUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The push side: a bot's server-sent-event stream, and who has acknowledged a force-close. */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class ControlStreamTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WITHIN = Duration.ofSeconds(10);

  @TestHTTPResource("/api/control/stream")
  URI stream;

  @Test
  void shouldPushTheStateOnConnectAndEveryFleetWideChange() throws Exception {
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    CompletableFuture<HttpResponse<Stream<String>>> connection = open(newUser(), events);
    try {
      await().atMost(WITHIN).until(() -> !events.isEmpty());
      assertThat(events.get(0).path("trading_state").asText()).isEqualTo("ACTIVE");

      admin("/api/emergency/pause_all", Map.of("reason", "stream test")).statusCode(200);
      await().atMost(WITHIN).until(() -> last(events).equals("REDUCING"));
      assertThat(events.get(events.size() - 1).path("take_new_entries").asBoolean()).isFalse();
    } finally {
      admin("/api/emergency/resume_all", Map.of("reason", "stream test over")).statusCode(200);
    }
    await().atMost(WITHIN).until(() -> last(events).equals("ACTIVE"));
    connection.cancel(true);
  }

  @Test
  void shouldRefuseAStreamWithoutAUser() {
    given().get("/api/control/stream").then().statusCode(400);
  }

  @Test
  void shouldListWhoHasAndHasNotAcknowledgedAForceClose() {
    String obedient = newUser();
    String silent = newUser();
    heartbeat(silent, null).statusCode(202);
    String order =
        admin("/api/emergency/force_close", Map.of("scope", "user:" + obedient, "reason", "drill"))
            .statusCode(200)
            .extract()
            .path("command_id");
    admin("/api/emergency/force_close", Map.of("scope", "user:" + silent, "reason", "drill"))
        .statusCode(200);
    heartbeat(obedient, order).statusCode(202);

    // heartbeats reach the roster through Kafka, like those another gateway instance took
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              JsonPath active =
                  given()
                      .auth()
                      .oauth2(TOKEN)
                      .get("/api/bots/active")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              assertThat(active.getList("force_close_acknowledged", String.class))
                  .contains(obedient);
              assertThat(active.getList("force_close_not_acknowledged", String.class))
                  .contains(silent);
            });
  }

  private CompletableFuture<HttpResponse<Stream<String>>> open(String user, List<JsonNode> events) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stream + "?user_id=" + user))
            .header("Accept", "text/event-stream")
            .build();
    return HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenApply(
            response -> {
              response
                  .body()
                  .filter(line -> line.startsWith("data:"))
                  .forEach(line -> events.add(parse(line.substring("data:".length()))));
              return response;
            });
  }

  private static String last(List<JsonNode> events) {
    return events.isEmpty() ? "" : events.get(events.size() - 1).path("trading_state").asText();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
