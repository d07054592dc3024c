package io.hivemind.analytics.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.analytics.service.AnalyticsKeys.Key;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The analytics service on a real broker and registry: experiences and heartbeats in, the
 * endpoints' answers out. Every test uses its own users and symbols; only {@link
 * #shouldWithholdTopPerformersUnderKRankedUsersThenShowThemUnderHandles} ranks users (20 trades
 * each), so the community board's k is decided by that test alone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AnalyticsServiceTest {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration VISIBLE = Duration.ofSeconds(30);

  private static AnalyticsFeed feed;

  @TestHTTPResource("/api/analytics/stream")
  URI stream;

  @BeforeAll
  static void openFeed() {
    feed = new AnalyticsFeed();
  }

  @AfterAll
  static void closeFeed() {
    feed.close();
  }

  @BeforeEach
  void awaitReadiness() {
    await("readiness")
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
  }

  @Test
  void shouldAnswerAKeysOwnPerformanceRankAndBadges() {
    Key key = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    Instant exit = Instant.now().minusSeconds(60);
    feed.trade(key.userId(), "ES", 120.0, exit.minusSeconds(30), List.of("v1", "v1/mid"));
    feed.trade(key.userId(), "ES", -20.5, exit.minusSeconds(20), List.of("v1", "v1/mid"));
    feed.trade(key.userId(), "NQ", 40.0, exit.minusSeconds(10), List.of("v1", "v1/mid"));

    await("three trades counted")
        .atMost(VISIBLE)
        .until(() -> performance(key, key.userId()).getLong("trades") == 3);
    JsonPath p = performance(key, key.userId());
    assertThat(p.getString("user_id")).isEqualTo(key.userId());
    assertThat(p.getLong("wins")).isEqualTo(2);
    assertThat(p.getLong("losses")).isEqualTo(1);
    assertThat(p.getDouble("win_rate"))
        .isEqualTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(p.getDouble("pnl")).isEqualTo(139.5);
    assertThat(p.getInt("win_streak")).isEqualTo(1);
    assertThat(p.getList("hourly")).hasSize(48);
    assertThat(p.getList("daily")).hasSize(30);
    assertThat(p.getLong("daily[29].trades")).isEqualTo(3);
    assertThat(p.getList("heatmap.symbol")).containsExactlyInAnyOrder("ES", "NQ");
    assertThat(p.getMap("community")).containsKey("withheld");

    key.given()
        .get("/api/users/" + key.userId() + "/rank")
        .then()
        .statusCode(200)
        .body("min_trades", equalTo(20))
        .body("by_pnl", nullValue())
        .body("by_win_rate", nullValue())
        .body("unranked_reason", startsWith("fewer than 20 trades"));
    JsonPath badges = key.given().get("/api/users/" + key.userId() + "/badges").jsonPath();
    assertThat(badges.getString("rule_set")).isEqualTo("badges-v1");
    assertThat(badges.getList("badges.badge")).containsExactly("first-trade");
    assertThat(badges.getList("available.badge"))
        .contains("trades-10")
        .doesNotContain("first-trade");
    key.given()
        .get("/api/analytics/me")
        .then()
        .statusCode(200)
        .body("user_id", equalTo(key.userId()))
        .body("role", equalTo("BOT"));
    // where the dashboard finds the other services: configuration, never a guess from ports
    key.given()
        .get("/api/analytics/endpoints")
        .then()
        .statusCode(200)
        .body("gateway", equalTo("http://127.0.0.1:8080"))
        .body("learner", equalTo("http://127.0.0.1:8082"));
  }

  @Test
  void shouldForbidAKeyReadingAnotherUserAndLetAnAdminReadAny() {
    Key a = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    String b = AnalyticsKeys.newUser();
    for (String what : List.of("performance", "rank", "badges")) {
      a.given()
          .get("/api/users/" + b + "/" + what)
          .then()
          .statusCode(403)
          .contentType(startsWith("application/problem+json"))
          .body("violations.field", hasItem("user_id"));
    }
    AnalyticsKeys.admin()
        .given()
        .get("/api/users/" + b + "/performance")
        .then()
        .statusCode(200)
        .body("user_id", equalTo(b))
        .body("trades", equalTo(0));
    given().get("/api/analytics/fleet").then().statusCode(401);
  }

  @Test
  void shouldWithholdTopPerformersUnderKRankedUsersThenShowThemUnderHandles() {
    Key viewer = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    List<String> users = new ArrayList<>();
    Instant exit = Instant.now().minusSeconds(600);
    for (int u = 0; u < 4; u++) {
      users.add(rankedUser(u, exit));
    }
    String last = users.get(3);
    await("four ranked users")
        .atMost(VISIBLE)
        .until(
            () ->
                viewer.given().get("/api/users/" + viewer.userId() + "/rank").statusCode() == 200
                    && AnalyticsKeys.admin()
                            .given()
                            .get("/api/users/" + last + "/rank")
                            .jsonPath()
                            .get("by_pnl")
                        != null);
    viewer
        .given()
        .queryParam("by", "pnl")
        .get("/api/community/top_performers")
        .then()
        .statusCode(200)
        .body("withheld", equalTo(true))
        .body("k", equalTo(5))
        .body("reason", startsWith("fewer than 5 users are ranked"));

    users.add(rankedUser(4, exit));
    await("the board shown from 5 ranked users")
        .atMost(VISIBLE)
        .until(
            () ->
                Boolean.FALSE.equals(
                    viewer
                        .given()
                        .get("/api/community/top_performers")
                        .jsonPath()
                        .get("withheld")));
    JsonPath board =
        viewer
            .given()
            .queryParam("by", "win_rate")
            .queryParam("limit", 3)
            .get("/api/community/top_performers")
            .jsonPath();
    assertThat(board.getString("by")).isEqualTo("win_rate");
    assertThat(board.getList("performers")).hasSize(3);
    assertThat(board.getList("performers.rank")).containsExactly(1, 2, 3);
    // user 4 wins 20 of 20, user 3 19, user 2 18
    assertThat(board.getList("performers.wins")).containsExactly(20, 19, 18);
    assertThat(board.getList("performers.handle", String.class))
        .allMatch(h -> h.matches("[a-z]+-[a-z]+-\\d{4}"))
        .noneMatch(users::contains);

    Key fifth = new Key(null, users.get(4));
    JsonPath rank =
        AnalyticsKeys.admin().given().get("/api/users/" + fifth.userId() + "/rank").jsonPath();
    assertThat(rank.getInt("by_win_rate.rank")).isEqualTo(1);
    assertThat(rank.getInt("by_win_rate.of")).isEqualTo(5);
    assertThat(rank.getString("unranked_reason")).isNull();
  }

  /** 20 trades, {@code 16 + u} of them wins of $10, the rest losses of $5. */
  private static String rankedUser(int u, Instant exit) {
    String user = AnalyticsKeys.newUser();
    for (int i = 0; i < 20; i++) {
      boolean win = i < 16 + u;
      feed.trade(user, "ES", win ? 10.0 : -5.0, exit.plusSeconds(i), List.of("v1"));
    }
    return user;
  }

  @Test
  void shouldWithholdATrendingSymbolUnderKUsersThenShowIt() {
    Key viewer = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    String symbol = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String pattern = "v1/test-" + symbol;
    Instant exit = Instant.now().minusSeconds(120);
    for (int u = 0; u < 4; u++) {
      String user = AnalyticsKeys.newUser();
      for (int i = 0; i < 3; i++) {
        feed.trade(user, symbol, 10.0, exit.plusSeconds(i), List.of("v1", pattern));
      }
    }
    await("the symbol withheld under k")
        .atMost(VISIBLE)
        .until(() -> trending(viewer).getList("withheld.symbol").contains(symbol));
    assertThat(trending(viewer).getList("symbols.symbol")).doesNotContain(symbol);

    feed.trade(AnalyticsKeys.newUser(), symbol, -4.0, exit, List.of("v1", pattern));
    await("the symbol shown from 5 users")
        .atMost(VISIBLE)
        .until(() -> trending(viewer).getList("symbols.symbol").contains(symbol));
    JsonPath t = trending(viewer);
    Map<String, Object> row =
        t.getList("symbols", Map.class).stream()
            .filter(r -> symbol.equals(r.get("symbol")))
            .findFirst()
            .orElseThrow();
    assertThat(row).containsEntry("trades", 13).containsEntry("wins", 12).containsEntry("users", 5);
    assertThat(((Number) row.get("pnl")).doubleValue()).isEqualTo(116.0);
    assertThat(t.getInt("k")).isEqualTo(5);

    JsonPath hot = viewer.given().get("/api/community/hot_strategies").jsonPath();
    assertThat(hot.getList("strategies.pattern")).contains(pattern);
    assertThat(
            viewer
                .given()
                .get("/api/analytics/fleet")
                .jsonPath()
                .getLong("growth.distinct_patterns"))
        .isPositive();
  }

  /**
   * ADR 22 on a real broker: the challenger learns the experiences and publishes versions to the
   * models topic, and a prediction the query wrote is scored, both models, against the trade's
   * outcome. This is the only test that writes predictions, so the scores are exactly its own.
   */
  @Test
  void shouldTrainTheChallengerAndScoreEveryModelAgainstTheOutcome() {
    Key key = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    Instant now = Instant.now();
    feed.prediction(key.userId(), "shadow-1", 0.6, 0.7, now.minusSeconds(600));
    feed.prediction(key.userId(), "shadow-2", 0.4, 0.2, now.minusSeconds(600));
    feed.trade(key.userId(), "shadow-1", "ES", 25, now, List.of("v1"));
    feed.trade(key.userId(), "shadow-2", "ES", -25, now, List.of("v1"));

    key.given().get("/api/ml/models").then().statusCode(403);
    Key admin = AnalyticsKeys.admin();
    await("both models scored and the challenger published")
        .atMost(VISIBLE)
        .until(
            () -> {
              JsonPath models = admin.given().get("/api/ml/models").jsonPath();
              return models.getList("scores.model").containsAll(List.of("pattern", "challenger"))
                  && models.getLong("challenger.published") >= 2;
            });
    JsonPath models = admin.given().get("/api/ml/models").jsonPath();
    // (0.6 − 1)² and (0.4 − 0)²; (0.7 − 1)² and (0.2 − 0)²
    assertThat(models.getDouble("scores.find { it.model == 'pattern' }.brier"))
        .isCloseTo(0.16, within(1e-6));
    assertThat(models.getDouble("scores.find { it.model == 'challenger' }.brier"))
        .isCloseTo((0.09 + 0.04) / 2, within(1e-6));
    assertThat(models.getLong("scores.find { it.model == 'challenger' }.trades")).isEqualTo(2);
    assertThat(models.getBoolean("challenger.training")).isTrue();
    assertThat(models.getString("challenger.version")).startsWith("challenger-lr/f1/");
    assertThat(given().get("/q/metrics").asString())
        .contains("hivemind_model_brier{model=\"challenger\"}")
        .contains("hivemind_challenger_learned");
  }

  @Test
  void shouldLetOnlyAnAdminReadTheBotsStats() {
    Key bot = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    feed.heartbeat(bot.userId(), Instant.now());
    bot.given()
        .get("/api/bots/stats")
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"));
    Key admin = AnalyticsKeys.admin();
    await("the heartbeat seen")
        .atMost(VISIBLE)
        .until(
            () ->
                admin
                    .given()
                    .get("/api/bots/stats")
                    .jsonPath()
                    .getList("users.user_id")
                    .contains(bot.userId()));
    Map<String, Object> row =
        admin.given().get("/api/bots/stats").jsonPath().getList("users", Map.class).stream()
            .filter(r -> bot.userId().equals(r.get("user_id")))
            .findFirst()
            .orElseThrow();
    assertThat(row).containsEntry("active", true).containsEntry("trades", 0);
    assertThat(row.get("last_heartbeat")).isNotNull();
  }

  @Test
  void shouldAnswerAMarketRegimeOnlyFromMinutesKUsersReported() {
    Key key = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    key.given()
        .queryParam("symbol", "XX")
        .get("/api/ml/market_regime")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("violations[0].field", equalTo("symbol"));
    given().queryParam("symbol", "MGC").get("/api/ml/market_regime").then().statusCode(401);

    Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Instant m1 = t.minusSeconds(180);
    for (int u = 0; u < 4; u++) {
      feed.bar("regime-" + u, t, "MGC", m1, 2650 + u);
    }
    // one report a settle period on settles m1, which had four users: withheld
    feed.bar("regime-0", t.plusSeconds(61), "MGC", m1.plusSeconds(60), 2651);
    await("the minute of four users withheld")
        .atMost(VISIBLE)
        .until(() -> regime(key).getInt("evidence.minutes_withheld") >= 1);
    assertThat(regime(key).getString("status")).isEqualTo("insufficient_evidence");
    assertThat(regime(key).getString("regime")).isNull();

    Instant m3 = m1.plusSeconds(120);
    for (int u = 0; u < 5; u++) {
      feed.bar("regime-" + u, t.plusSeconds(62 + u), "MGC", m3, 2650 + u);
    }
    feed.bar("regime-0", t.plusSeconds(130), "MGC", m3.plusSeconds(60), 2651);
    await("the minute of five users read")
        .atMost(VISIBLE)
        .until(() -> regime(key).getInt("evidence.minutes_observed") == 1);
    JsonPath answer = regime(key);
    assertThat(answer.getString("status")).isEqualTo("warming_up");
    assertThat(answer.getInt("evidence.users_last_minute")).isEqualTo(5);
    assertThat(answer.getInt("evidence.min_users")).isEqualTo(5);
  }

  private static JsonPath regime(Key key) {
    return key.given().queryParam("symbol", "MGC").get("/api/ml/market_regime").jsonPath();
  }

  @Test
  void shouldNameTheBadParameterOfTopPerformers() {
    Key key = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    key.given()
        .queryParam("by", "luck")
        .get("/api/community/top_performers")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("violations.field", hasItem("by"));
    for (String limit : List.of("0", "101", "ten")) {
      key.given()
          .queryParam("limit", limit)
          .get("/api/community/top_performers")
          .then()
          .statusCode(400)
          .body("violations.field", hasItem("limit"));
    }
  }

  @Test
  void shouldSendTheFleetOnTheStreamAtOnce() throws Exception {
    Key key = AnalyticsKeys.bot(AnalyticsKeys.newUser());
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(stream)
            .header("Authorization", key.header())
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> response =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      List<String> events =
          CompletableFuture.supplyAsync(
                  () -> {
                    List<String> seen = new ArrayList<>();
                    while (it.hasNext() && seen.size() < 4) {
                      String line = it.next();
                      if (line.startsWith("event:") || line.startsWith("data:")) {
                        seen.add(line);
                      }
                    }
                    return seen;
                  })
              .get(30, TimeUnit.SECONDS);
      assertThat(events).contains("event:fleet", "event:me");
      String fleet = events.get(events.indexOf("event:fleet") + 1);
      assertThat(fleet).startsWith("data:{\"as_of\":").contains("\"growth\":");
    }
    HttpResponse<String> anonymous =
        client.send(HttpRequest.newBuilder(stream).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private static JsonPath performance(Key key, String user) {
    return key.given()
        .get("/api/users/" + user + "/performance")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath trending(Key key) {
    return key.given()
        .get("/api/community/trending_symbols")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
