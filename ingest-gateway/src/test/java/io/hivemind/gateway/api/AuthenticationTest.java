package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.TOPICS;
import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
import io.hivemind.schema.Signal;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may write: a request needs a valid, unrevoked key, and acts for the key's user in the key's
 * tier, whatever its body or headers claim.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class AuthenticationTest {

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  private static ValidatableResponse signalWith(String authorization) {
    var request =
        given().contentType(ContentType.JSON).body(Bodies.json(Bodies.signal(Ingest.user())));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.post("/api/signals").then().log().ifValidationFails();
  }

  private static ValidatableResponse post(Key key, String path, Object body) {
    return key.given()
        .contentType(ContentType.JSON)
        .body(Bodies.json(body))
        .post(path)
        .then()
        .log()
        .ifValidationFails();
  }

  private static void assertUnauthorized(ValidatableResponse response) {
    response
        .statusCode(401)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(401))
        .header("WWW-Authenticate", startsWith("Bearer realm=\"hivemind\""));
  }

  @Test
  void shouldRefuseARequestWithoutAKey() {
    assertNothingPublished(probe, () -> assertUnauthorized(signalWith(null)));
    // before the body is read or the path matched: a bad body or an unknown path is still a 401
    assertUnauthorized(
        given().contentType(ContentType.JSON).body("{,").post("/api/signals").then());
    assertUnauthorized(given().get("/api/no-such-thing").then());
  }

  @Test
  void shouldRefuseMalformedKeys() {
    String valid = TestKeys.bot().secret();
    List<String> malformed =
        List.of(
            "Bearer",
            "Bearer ",
            "Basic dXNlcjpwYXNzd29yZA==",
            "Token " + valid,
            valid,
            "Bearer hm_short_secret",
            "Bearer " + valid + "x",
            "Bearer " + valid.substring(0, valid.length() - 1),
            "Bearer " + valid.replace("hm_", "HM_"),
            "Bearer " + valid.substring(0, 5) + "\u0430" + valid.substring(6),
            "Bearer " + valid.substring(0, valid.length() - 1) + "=");
    assertNothingPublished(
        probe,
        () -> {
          for (String authorization : malformed) {
            assertUnauthorized(signalWith(authorization));
          }
        });
    // one character of the key id changed (to another one, whatever the random id holds there)
    char other = valid.charAt(5) == 'x' ? 'y' : 'x';
    signalWith("Bearer " + valid.substring(0, 5) + other + valid.substring(6))
        .statusCode(401)
        .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
  }

  @Test
  void shouldRefuseAKeyNobodyIssued() {
    String unknown = ApiKey.generate(new SecureRandom()).reveal();
    assertNothingPublished(
        probe,
        () ->
            assertUnauthorized(
                signalWith("Bearer " + unknown).body("detail", containsString("unknown"))));
  }

  @Test
  void shouldAcceptTheBearerSchemeInAnyCase() {
    signalWith("bearer " + TestKeys.bot().secret()).statusCode(202);
    signalWith("BEARER  " + TestKeys.bot().secret() + " ").statusCode(202);
  }

  @Test
  void shouldRefuseARevokedKeyWithinFiveSeconds() {
    Key key = TestKeys.standard().mint(TestKeys.newUser(), Tier.BASIC, Role.BOT);
    post(key, "/api/signals", Bodies.signal(key.userId())).statusCode(202);

    TestKeys.standard().revoke(key);
    long revoked = System.nanoTime();

    await("the revocation applies")
        .atMost(TestKeys.REVOCATION_BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> key.given().get("/api/maintenance/status").statusCode() == 401);
    assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(TestKeys.REVOCATION_BOUND);
    assertNothingPublished(
        probe, () -> assertUnauthorized(post(key, "/api/signals", Bodies.signal(key.userId()))));
  }

  @Test
  void shouldForbidABodyNamingAnotherUser() {
    String other = TestKeys.newUser();
    assertNothingPublished(
        probe,
        () -> {
          for (var endpoint :
              Map.of(
                      "/api/signals", Bodies.signal(other),
                      "/api/outcomes", Bodies.outcome(other),
                      "/api/bots/heartbeat", Bodies.heartbeat(other))
                  .entrySet()) {
            post(TestKeys.bot(), endpoint.getKey(), endpoint.getValue())
                .statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403))
                .body("violations.field", equalTo(List.of("user_id")));
          }
        });
  }

  @Test
  void shouldForbidABatchNamingAnotherUserInAnyItem() {
    String mine = Ingest.user();
    String other = TestKeys.newUser();
    Map<String, Object> batch =
        Map.of(
            "signals",
            List.of(Bodies.signal(mine), Bodies.signal(other), Bodies.signal(mine)),
            "outcomes",
            List.of(Bodies.outcome(other), Bodies.outcome(mine)));

    assertNothingPublished(
        probe,
        () ->
            post(TestKeys.bot(), "/api/events", batch)
                .statusCode(403)
                .body("violations.field", hasItems("signals[1].user_id", "outcomes[0].user_id"))
                .body("violations.field", not(hasItem("signals[0].user_id"))));
  }

  @Test
  void shouldActForTheKeysUserWhenTheBodyNamesNone() {
    Key key = TestKeys.bot();
    Map<String, Object> signal = Bodies.signal(key.userId());
    signal.remove("user_id");

    JsonPath answer = post(key, "/api/signals", signal).statusCode(202).extract().jsonPath();

    ConsumerRecord<String, SpecificRecord> record =
        probe.recordAt(TOPICS.signals, answer.getInt("partition"), answer.getLong("offset"));
    assertThat(record.key()).isEqualTo(key.userId());
    assertThat(((Signal) record.value()).getUserId()).isEqualTo(key.userId());
  }

  @Test
  void shouldHoldABotToItsKeysTierNotTheOneItDeclares() {
    Key basic = TestKeys.standard().mint(TestKeys.newUser(), Tier.BASIC, Role.BOT);
    Key elite = TestKeys.standard().mint(TestKeys.newUser(), Tier.ELITE, Role.BOT);
    Map<String, String> enable = Map.of("scope", "tier:basic", "reason", "tier test");
    post(TestKeys.admin(), "/api/maintenance/enable", enable).statusCode(200);
    try {
      basic
          .given()
          .header("X-Hivemind-Tier", "elite")
          .contentType(ContentType.JSON)
          .body(Bodies.json(Bodies.heartbeat(basic.userId())))
          .post("/api/bots/heartbeat")
          .then()
          .statusCode(202)
          .body("trading_state", equalTo("HALTED"));
      elite
          .given()
          .header("X-Hivemind-Tier", "basic")
          .contentType(ContentType.JSON)
          .body(Bodies.json(Bodies.signal(elite.userId())))
          .post("/api/signals")
          .then()
          .statusCode(202)
          .body("trading_state", equalTo("ACTIVE"));
      basic
          .given()
          .queryParam("user_id", basic.userId())
          .queryParam("tier", "elite")
          .get("/api/maintenance/status")
          .then()
          .statusCode(200)
          .body("trading_state", equalTo("HALTED"));
    } finally {
      post(
              TestKeys.admin(),
              "/api/maintenance/disable",
              Map.of("scope", "tier:basic", "reason", "tier test over"))
          .statusCode(200);
    }
  }

  @Test
  void shouldLeaveHealthAndMetricsOpen() {
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
  }

  /**
   * Keys pass through every path that can log: accepted, refused, revoked, an admin command (which
   * logs its actor). Not one log record may hold a secret; the command's record shows the key id.
   */
  @Test
  void shouldNeverLogAKey() {
    Key key = TestKeys.standard().mint(TestKeys.newUser(), Tier.PRO, Role.BOT);
    List<String> logged;
    try (LogCapture capture = new LogCapture()) {
      post(key, "/api/signals", Bodies.signal(key.userId())).statusCode(202);
      post(key, "/api/signals", Map.of("price", "NaN")).statusCode(400);
      post(key, "/api/signals", Bodies.signal("someone-else")).statusCode(403);
      signalWith("Bearer " + key.secret() + "x").statusCode(401);
      post(
              TestKeys.admin(),
              "/api/control/trading",
              Map.of("scope", "user:" + key.userId(), "state", "ACTIVE", "reason", "log check"))
          .statusCode(200);
      TestKeys.standard().revoke(key);
      await()
          .atMost(TestKeys.REVOCATION_BOUND)
          .until(() -> key.given().get("/api/maintenance/status").statusCode() == 401);
      logged = capture.lines();
    }

    String adminSecret = TestKeys.admin().secret();
    assertThat(logged)
        .as("the command's log record, naming the admin key by its id")
        .anyMatch(line -> line.contains("log check") && line.contains(TestKeys.admin().keyId()));
    assertThat(logged)
        .as("log records")
        .noneMatch(line -> line.contains(secretOf(key.secret())))
        .noneMatch(line -> line.contains(secretOf(adminSecret)));
  }

  /** The part after {@code hm_<key id>_}: it may itself hold '_'. */
  private static String secretOf(String key) {
    return key.substring(ApiKey.PREFIX.length() + ApiKey.KEY_ID_LENGTH + 1);
  }
}
