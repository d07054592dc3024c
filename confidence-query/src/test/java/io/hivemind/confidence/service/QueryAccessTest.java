package io.hivemind.confidence.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.confidence.service.QueryKeys.Key;
import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingState;
import io.hivemind.control.kafka.ControlPublisher;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Who may ask what: every /api request needs a valid, unrevoked key; a key reads its own user only
 * (an admin key any user), in its own tier, at its tier's rate.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(QueryInstanceResource.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // an HTTP call has no bound of its own
class QueryAccessTest {

  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration VISIBLE = Duration.ofSeconds(30);
  private static final int BASIC_PER_SECOND = 20;

  @BeforeEach
  void awaitReadiness() {
    await("readiness")
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
  }

  @Test
  void shouldRefuseEveryApiRequestWithoutAKey() {
    List<ValidatableResponse> answers =
        List.of(
            given().queryParam("symbol", "ES").get("/api/ml/stats").then(),
            given().queryParam("symbol", "ES").get("/api/ml/win_probability").then(),
            given()
                .contentType("application/json")
                .body("{,")
                .post("/api/ml/win_probability")
                .then(),
            given().get("/api/replay/historical").then(),
            given().get("/api/no-such-thing").then(),
            // only GET is open on the bench's no-op
            given().contentType("application/json").body("{}").post("/api/bench/noop").then());
    for (ValidatableResponse answer : answers) {
      answer
          .statusCode(401)
          .contentType(startsWith("application/problem+json"))
          .body("status", equalTo(401))
          .header("WWW-Authenticate", startsWith("Bearer realm=\"hivemind\""));
    }
  }

  @Test
  void shouldLeaveTheBenchNoopHealthAndMetricsOpen() {
    given().get("/api/bench/noop").then().statusCode(200);
    given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("api keys"));
    given().get("/q/metrics").then().statusCode(200);
  }

  @Test
  void shouldForbidReadingAnotherUsersStats() {
    Key a = QueryKeys.bot(QueryKeys.newUser());
    String b = QueryKeys.newUser();

    assertForbiddenNamingUserId(
        a.given().queryParam("user_id", b).queryParam("symbol", "ES").get("/api/ml/stats"));
  }

  @Test
  void shouldForbidAskingAnotherUsersConfidence() {
    Key a = QueryKeys.bot(QueryKeys.newUser());
    String b = QueryKeys.newUser();

    assertForbiddenNamingUserId(
        question(a.given().queryParam("user_id", b)).get("/api/ml/win_probability"));
    assertForbiddenNamingUserId(
        a.given().contentType("application/json").body(signal(b)).post("/api/ml/win_probability"));
  }

  @Test
  void shouldAnswerAKeyForItsOwnUser() {
    Key a = QueryKeys.bot(QueryKeys.newUser());

    question(a.given().queryParam("user_id", a.userId()))
        .get("/api/ml/win_probability")
        .then()
        .statusCode(200)
        .body("user_id", equalTo(a.userId()));
    // no user named: the key's
    question(a.given())
        .get("/api/ml/win_probability")
        .then()
        .statusCode(200)
        .body("user_id", equalTo(a.userId()));
    Map<String, Object> anonymous = signal(a.userId());
    anonymous.remove("user_id");
    a.given()
        .contentType("application/json")
        .body(anonymous)
        .post("/api/ml/win_probability")
        .then()
        .statusCode(200)
        .body("user_id", equalTo(a.userId()));
    a.given()
        .queryParam("symbol", "ES")
        .get("/api/ml/stats")
        .then()
        .statusCode(200)
        .body("user_id", equalTo(a.userId()));
  }

  @Test
  void shouldLetAnAdminKeyReadAnyUser() {
    String b = QueryKeys.newUser();
    Key admin = QueryKeys.admin();

    admin
        .given()
        .queryParam("user_id", b)
        .queryParam("symbol", "ES")
        .get("/api/ml/stats")
        .then()
        .statusCode(200)
        .body("user_id", equalTo(b));
    question(admin.given().queryParam("user_id", b))
        .get("/api/ml/win_probability")
        .then()
        .statusCode(200)
        .body("user_id", equalTo(b));
  }

  @Test
  void shouldRefuseARevokedKeyWithinFiveSeconds() {
    Key key = QueryKeys.bot(QueryKeys.newUser());
    key.given().queryParam("symbol", "ES").get("/api/ml/stats").then().statusCode(200);

    QueryKeys.revoke(key);
    long revoked = System.nanoTime();

    await("the revocation applies")
        .atMost(QueryKeys.REVOCATION_BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> key.given().queryParam("symbol", "ES").get("/api/ml/stats").statusCode() == 401);
    assertThat(Duration.ofNanos(System.nanoTime() - revoked))
        .isLessThan(QueryKeys.REVOCATION_BOUND);
  }

  /** The key's tier is the scope a bot is held to; a {@code tier} parameter changes nothing. */
  @Test
  void shouldHoldABotToItsKeysTierNotTheOneItNames() {
    Key pro = QueryKeys.mint(QueryKeys.newUser(), Tier.PRO, Role.BOT);
    Key elite = QueryKeys.bot(QueryKeys.newUser());
    setTierTrading("pro", TradingState.HALTED);
    try {
      await("the halt of tier pro applies")
          .atMost(VISIBLE)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> tradingState(pro.given().queryParam("tier", "elite")).equals("HALTED"));
      assertThat(tradingState(elite.given().queryParam("tier", "pro"))).isEqualTo("ACTIVE");
      // an admin reads another user in the tier it names
      assertThat(
              tradingState(
                  QueryKeys.admin()
                      .given()
                      .queryParam("user_id", pro.userId())
                      .queryParam("tier", "pro")))
          .isEqualTo("HALTED");
    } finally {
      setTierTrading("pro", TradingState.ACTIVE);
    }
  }

  @Test
  void shouldAnswer429WithRetryAfterOnceABasicKeysBurstIsSpent() throws InterruptedException {
    Key basic = QueryKeys.mint(QueryKeys.newUser(), Tier.BASIC, Role.BOT);
    // the bucket refills from the requests that waited for the key to be known
    Thread.sleep(1_100);

    int passed = 0;
    Response refused = null;
    for (int i = 0; i < 10 * BASIC_PER_SECOND && refused == null; i++) {
      Response answer = basic.given().queryParam("symbol", "ES").get("/api/ml/stats");
      if (answer.statusCode() == 429) {
        refused = answer;
      } else {
        assertThat(answer.statusCode()).isEqualTo(200);
        passed++;
      }
    }

    assertThat(refused).as("a 429 within ten seconds' worth of requests").isNotNull();
    assertThat(passed).as("the burst passed first").isGreaterThanOrEqualTo(BASIC_PER_SECOND);
    refused.then().contentType(startsWith("application/problem+json")).body("status", equalTo(429));
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isGreaterThanOrEqualTo(1);
    // another key's bucket is its own
    QueryKeys.bot().given().queryParam("symbol", "ES").get("/api/ml/stats").then().statusCode(200);
  }

  private static void assertForbiddenNamingUserId(Response response) {
    response
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(403))
        .body("violations.field", equalTo(List.of("user_id")));
  }

  /** A valid win-probability question as parameters, for whichever user the request names. */
  private static RequestSpecification question(RequestSpecification request) {
    return request
        .queryParam("symbol", "ES")
        .queryParam("side", "LONG")
        .queryParam("rsi", 34.2)
        .queryParam("vwap_z", -2.15);
  }

  private static String tradingState(RequestSpecification request) {
    return question(request)
        .get("/api/ml/win_probability")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("trading_state");
  }

  private static Map<String, Object> signal(String user) {
    return new java.util.HashMap<>(
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
            Instant.now().minusSeconds(60).toString(),
            "features",
            Map.of("rsi", 34.2, "vwap_z", -2.15)));
  }

  private static void setTierTrading(String tier, TradingState state) {
    KafkaStack stack = KafkaStack.shared();
    try (ControlPublisher control =
        new ControlPublisher(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            Topics.withDefaultPrefix(),
            SelfDescribingSerdes.anyRecord(),
            Duration.ofSeconds(10))) {
      control.publish(
          "trading." + state.name().toLowerCase(java.util.Locale.ROOT),
          "test",
          Optional.empty(),
          new ControlEntry(
              Scope.tier(tier),
              new Setting.ManualTrading(state),
              new Provenance(UUID.randomUUID().toString(), Instant.now(), "test", "tier test")));
    }
  }
}
