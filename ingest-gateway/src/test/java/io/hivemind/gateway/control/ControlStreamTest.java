package io.hivemind.gateway.control;

import static io.hivemind.gateway.control.ControlEndpointsTest.admin;
import static io.hivemind.gateway.control.ControlEndpointsTest.heartbeat;
import static io.hivemind.gateway.control.ControlEndpointsTest.newUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
    CompletableFuture<HttpResponse<Stream<String>>> connection =
        open(TestKeys.standard().mint(newUser(), Tier.PRO, Role.BOT), null, events);
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
  void shouldKeepEveryStreamOpenAfterItsFirstEvent() throws Exception {
    // Many bots connect at once after a gateway restart, and each must hear of every change, not
    // only get its first event (a stream whose first send raced RESTEasy writing its head once
    // did).
    int streams = 24;
    List<List<JsonNode>> received = new ArrayList<>();
    List<CompletableFuture<HttpResponse<Stream<String>>>> connections = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      List<JsonNode> events = new CopyOnWriteArrayList<>();
      received.add(events);
      connections.add(open(TestKeys.standard().mint(newUser(), Tier.PRO, Role.BOT), null, events));
    }
    try {
      await().atMost(WITHIN).until(() -> received.stream().noneMatch(List::isEmpty));
      admin("/api/emergency/pause_all", Map.of("reason", "many streams")).statusCode(200);
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () ->
                  assertThat(received)
                      .allSatisfy(events -> assertThat(last(events)).isEqualTo("REDUCING")));
    } finally {
      admin("/api/emergency/resume_all", Map.of("reason", "many streams over")).statusCode(200);
      connections.forEach(connection -> connection.cancel(true));
    }
  }

  @Test
  void shouldRefuseAStreamWithoutAKeyOrForAnotherUser() {
    given().get("/api/control/stream").then().statusCode(401);
    TestKeys.bot()
        .given()
        .queryParam("user_id", newUser())
        .get("/api/control/stream")
        .then()
        .statusCode(403)
        .body("violations.field", hasItem("user_id"));
  }

  @Test
  void shouldEndTheStreamOfARevokedKey() throws Exception {
    Key key = TestKeys.standard().mint(newUser(), Tier.BASIC, Role.BOT);
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    CompletableFuture<HttpResponse<Stream<String>>> connection = open(key, key.userId(), events);
    await().atMost(WITHIN).until(() -> !events.isEmpty());

    TestKeys.standard().revoke(key);

    // the stream's body ends once the gateway closes it
    connection.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void shouldListWhoHasAndHasNotAcknowledgedAForceClose() {
    Key obedientKey = TestKeys.standard().mint(newUser(), Tier.BASIC, Role.BOT);
    Key silentKey = TestKeys.standard().mint(newUser(), Tier.BASIC, Role.BOT);
    String obedient = obedientKey.userId();
    String silent = silentKey.userId();
    heartbeat(silentKey, null).statusCode(202);
    String order =
        admin("/api/emergency/force_close", Map.of("scope", "user:" + obedient, "reason", "drill"))
            .statusCode(200)
            .extract()
            .path("command_id");
    admin("/api/emergency/force_close", Map.of("scope", "user:" + silent, "reason", "drill"))
        .statusCode(200);
    heartbeat(obedientKey, order).statusCode(202);

    // heartbeats reach the roster through Kafka, like those another gateway instance took
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              JsonPath active =
                  TestKeys.admin()
                      .given()
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

  /** Opens the key's stream, naming {@code user} in the query when not null. */
  private CompletableFuture<HttpResponse<Stream<String>>> open(
      Key key, String user, List<JsonNode> events) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(user == null ? stream.toString() : stream + "?user_id=" + user))
            .header("Accept", "text/event-stream")
            .header("Authorization", key.header())
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
