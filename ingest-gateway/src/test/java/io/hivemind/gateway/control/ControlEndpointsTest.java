package io.hivemind.gateway.control;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operators' endpoints on a real broker: admin keys only, reasons, per-scope settings, the
 * audit trail and force-close acknowledgements. Each test works on scopes of its own users, so the
 * fleet stays ACTIVE for the other tests sharing the broker.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class ControlEndpointsTest {

  @Test
  void shouldRefuseACommandWithoutAKey() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"test\"}")
        .post("/api/emergency/pause_all")
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"))
        .header("WWW-Authenticate", startsWith("Bearer"));
    given()
        .auth()
        .oauth2("not-a-key")
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"test\"}")
        .post("/api/emergency/pause_all")
        .then()
        .statusCode(401);
    given().get("/api/audit").then().statusCode(401);
  }

  @Test
  void shouldForbidControlAndAuditToKeysThatAreNotAdmin() {
    Key bot = TestKeys.bot();
    Key analyst = TestKeys.standard().mint(newUser(), Tier.ELITE, Role.ANALYST);
    for (Key key : List.of(bot, analyst)) {
      key.given()
          .contentType(ContentType.JSON)
          .body(Map.of("reason", "not mine to pause"))
          .post("/api/emergency/pause_all")
          .then()
          .statusCode(403)
          .contentType(startsWith("application/problem+json"))
          .body("status", equalTo(403))
          .body("detail", containsString("admin"));
      key.given()
          .contentType(ContentType.JSON)
          .body(Map.of("scope", "user:" + key.userId(), "state", "HALTED", "reason", "x"))
          .post("/api/control/trading")
          .then()
          .statusCode(403);
      key.given().get("/api/audit").then().statusCode(403);
      key.given().get("/api/control/state").then().statusCode(403);
      key.given().get("/api/bots/active").then().statusCode(403);
    }
    // nothing was applied: the fleet is as the other tests left it
    status(newUser()).body("trading_state", equalTo("ACTIVE"));
  }

  @Test
  void shouldLetABotReadOnlyItsOwnStatusAndSchedules() {
    Key bot = TestKeys.standard().mint(newUser(), Tier.PRO, Role.BOT);
    String other = newUser();
    admin("/api/maintenance/enable", Map.of("scope", "user:" + other, "reason", "other's"))
        .statusCode(200);
    admin(
            "/api/schedule/set",
            Map.of(
                "scope",
                "user:" + other,
                "reason",
                "other's hours",
                "maintenance_windows",
                List.of()))
        .statusCode(200);

    bot.given()
        .queryParam("user_id", bot.userId())
        .get("/api/maintenance/status")
        .then()
        .statusCode(200)
        .body("trading_state", equalTo("ACTIVE"));
    bot.given()
        .queryParam("user_id", other)
        .get("/api/maintenance/status")
        .then()
        .statusCode(403)
        .body("violations.field", hasItem("user_id"));
    bot.given()
        .queryParam("scope", "user:" + other)
        .get("/api/schedule/get")
        .then()
        .statusCode(403)
        .body("violations.field", hasItem("scope"));
    List<String> scopes =
        bot.given()
            .get("/api/schedule/get")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("schedules.scope", String.class);
    assertThat(scopes).doesNotContain("user:" + other);
    // an admin key reads any user's
    status(other).body("trading_state", equalTo("HALTED"));
    admin("/api/maintenance/disable", Map.of("scope", "user:" + other, "reason", "done"))
        .statusCode(200);
  }

  @Test
  void shouldRequireAReason() {
    admin("/api/maintenance/enable", Map.of("scope", "user:" + newUser()))
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("violations.field", hasItem("reason"));
  }

  @Test
  void shouldNameABadScopeAndABadState() {
    admin("/api/control/trading", Map.of("scope", "planet:mars", "state", "OFF", "reason", "x"))
        .statusCode(400)
        .body("violations.field", hasItem("scope"))
        .body("violations.field", hasItem("state"));
  }

  @Test
  void shouldHaltOneUserAndNoOther() {
    String user = newUser();
    admin(
            "/api/control/trading",
            Map.of("scope", "user:" + user, "state", "HALTED", "reason", "risk review"))
        .statusCode(200)
        .body("command", equalTo("trading.halted"))
        .body("scope", equalTo("user:" + user))
        .body("after.state", equalTo("HALTED"))
        .body("before", nullValue());

    // the answer waited until this instance's view held the command: no polling needed
    status(user).body("trading_state", equalTo("HALTED")).body("take_new_entries", equalTo(false));
    status(newUser()).body("trading_state", equalTo("ACTIVE"));

    admin(
            "/api/control/trading",
            Map.of("scope", "user:" + user, "state", "ACTIVE", "reason", "review done"))
        .statusCode(200)
        .body("before.state", equalTo("HALTED"));
    status(user).body("trading_state", equalTo("ACTIVE"));
  }

  @Test
  void shouldHaltAUserInMaintenanceAndSayWhy() {
    String user = newUser();
    admin("/api/maintenance/enable", Map.of("scope", "user:" + user, "reason", "broker migration"))
        .statusCode(200);

    status(user)
        .body("trading_state", equalTo("HALTED"))
        .body("restrictions[0].cause", equalTo("MAINTENANCE"))
        .body("restrictions[0].reason", equalTo("broker migration"));

    admin("/api/maintenance/disable", Map.of("scope", "user:" + user, "reason", "done"))
        .statusCode(200);
    status(user).body("trading_state", equalTo("ACTIVE"));
  }

  @Test
  void shouldReduceAUserOutsideTheirTradingHoursAndHaltInAMaintenanceWindow() {
    String user = newUser();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // a session that opens on no day today or yesterday cannot be open now
    String closedDay = now.atZone(ZoneOffset.UTC).getDayOfWeek().plus(2).name();
    admin(
            "/api/schedule/set",
            Map.of(
                "scope",
                "user:" + user,
                "reason",
                "desk hours",
                "trading_hours",
                Map.of(
                    "time_zone", "UTC",
                    "open", "00:00",
                    "close", "00:01",
                    "weekdays", List.of(closedDay)),
                "maintenance_windows",
                List.of()))
        .statusCode(200);
    status(user)
        .body("trading_state", equalTo("REDUCING"))
        .body("restrictions[0].cause", equalTo("OUTSIDE_TRADING_HOURS"));

    admin(
            "/api/schedule/set",
            Map.of(
                "scope",
                "user:" + user,
                "reason",
                "planned upgrade",
                "maintenance_windows",
                List.of(
                    Map.of(
                        "start", now.minusSeconds(60).toString(),
                        "end", now.plusSeconds(3600).toString()))))
        .statusCode(200);
    status(user).body("trading_state", equalTo("HALTED"));
    TestKeys.admin()
        .given()
        .queryParam("scope", "user:" + user)
        .get("/api/schedule/get")
        .then()
        .statusCode(200)
        .body("schedules[0].maintenance_windows[0].end", equalTo(now.plusSeconds(3600).toString()));
  }

  @Test
  void shouldNameEveryBadScheduleField() {
    admin(
            "/api/schedule/set",
            Map.of(
                "scope",
                "tier:pro",
                "reason",
                "x",
                "trading_hours",
                Map.of(
                    "time_zone", "Mars/Olympus",
                    "open", "9.30",
                    "close", "16:00",
                    "weekdays", List.of("FUNDAY")),
                "maintenance_windows",
                List.of(Map.of("start", "2026-11-21T10:00:00Z", "end", "2026-11-21T09:00:00Z"))))
        .statusCode(400)
        .body("violations.field", hasItem("trading_hours.time_zone"))
        .body("violations.field", hasItem("trading_hours.open"))
        .body("violations.field", hasItem("trading_hours.weekdays[0]"))
        .body("violations.field", hasItem("maintenance_windows[0].end"));
  }

  @Test
  void shouldAuditEveryCommandWithTheAdminKeyWhyAndWhen() {
    Key admin = TestKeys.admin();
    String user = newUser();
    String reason = "audit check " + user;
    admin(
            "/api/control/trading",
            Map.of("scope", "user:" + user, "state", "REDUCING", "reason", reason))
        .statusCode(200)
        .body("actor", equalTo("key:" + admin.keyId() + "/" + admin.userId()));

    ValidatableResponse audit =
        admin.given().queryParam("limit", 50).get("/api/audit").then().statusCode(200);
    List<Map<String, Object>> commands = audit.extract().jsonPath().getList("commands");
    assertThat(commands)
        .filteredOn(command -> reason.equals(command.get("reason")))
        .singleElement()
        .satisfies(
            command -> {
              assertThat(command.get("actor"))
                  .isEqualTo("key:" + admin.keyId() + "/" + admin.userId());
              assertThat(command.get("command")).isEqualTo("trading.reducing");
              assertThat(command.get("scope")).isEqualTo("user:" + user);
              assertThat(Instant.parse((String) command.get("issued_at")))
                  .isAfter(Instant.now().minusSeconds(60));
            });
  }

  @Test
  void shouldTellABotToForceCloseUntilItAcknowledges() {
    Key bot = TestKeys.standard().mint(newUser(), Tier.BASIC, Role.BOT);
    String user = bot.userId();
    String commandId =
        admin(
                "/api/emergency/force_close",
                Map.of("scope", "user:" + user, "reason", "flash crash"))
            .statusCode(200)
            .extract()
            .path("command_id");

    heartbeat(bot, null)
        .statusCode(202)
        .body("control.force_close.command_id", equalTo(commandId))
        .body("control.force_close.reason", equalTo("flash crash"));
    heartbeat(bot, commandId).statusCode(202).body("control.force_close", nullValue());
  }

  @Test
  void shouldCarryTheTradingStateInIngestAnswers() {
    Key bot = TestKeys.standard().mint(newUser(), Tier.BASIC, Role.BOT);
    String user = bot.userId();
    admin(
            "/api/control/trading",
            Map.of("scope", "user:" + user, "state", "REDUCING", "reason", "ingest answer"))
        .statusCode(200);

    bot.given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "signal_id",
                UUID.randomUUID().toString(),
                "user_id",
                user,
                "symbol",
                "ES",
                "side",
                "LONG",
                "price",
                4500.25,
                "timestamp",
                Instant.now().minusSeconds(5).toString(),
                "features",
                Map.of("rsi", 30.0)))
        .post("/api/signals")
        .then()
        .statusCode(202)
        .body("trading_state", equalTo("REDUCING"));
  }

  /** A command with the shared admin key. */
  static ValidatableResponse admin(String path, Map<String, ?> body) {
    return TestKeys.admin()
        .given()
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then()
        .log()
        .ifValidationFails();
  }

  /** Any user's trading status, as an admin reads it. */
  static ValidatableResponse status(String user) {
    return TestKeys.admin()
        .given()
        .queryParam("user_id", user)
        .get("/api/maintenance/status")
        .then()
        .statusCode(200)
        .log()
        .ifValidationFails();
  }

  /** A heartbeat of the key's bot. */
  static ValidatableResponse heartbeat(Key bot, String ack) {
    Map<String, Object> body = new HashMap<>();
    body.put("user_id", bot.userId());
    body.put("bot_version", "1.0.0");
    body.put("timestamp", Instant.now().minusSeconds(1).toString());
    if (ack != null) {
      body.put("force_close_ack", ack);
    }
    return bot.given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/bots/heartbeat")
        .then()
        .log()
        .ifValidationFails();
  }

  static String newUser() {
    return TestKeys.newUser();
  }
}
