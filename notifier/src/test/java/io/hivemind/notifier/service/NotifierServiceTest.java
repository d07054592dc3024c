package io.hivemind.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.Role;
import io.hivemind.notifier.delivery.DeliveryClient;
import io.hivemind.notifier.delivery.WebhookSignature;
import io.hivemind.testkit.KafkaStackResource;
import io.hivemind.testkit.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notifier on a real broker and registry, delivering to a real HTTP receiver on 127.0.0.1:
 * closed trades reach their own user's subscription only, signed; kill-switch changes reach the
 * fleet's; bad registrations are refused naming the field; a refused delivery is dead-lettered,
 * readable, and sent again on replay.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class NotifierServiceTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static WebhookReceiver receiver;
  private static NotifierFeed feed;

  @BeforeAll
  static void start() throws Exception {
    receiver = new WebhookReceiver();
    feed = new NotifierFeed();
  }

  @AfterAll
  static void stop() {
    receiver.close();
    feed.close();
  }

  private static JsonPath register(NotifierKeys.Key key, Map<String, Object> body) {
    return key.given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/webhooks/register")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  /** An admin's fleet subscription to {@code event} at a new path of the receiver. */
  private static String subscribeTheFleet(String event) {
    NotifierKeys.Key admin = NotifierKeys.mint(NotifierKeys.newUser(), Role.ADMIN);
    String fleetPath = path();
    register(
        admin,
        Map.of(
            "type",
            "webhook",
            "url",
            receiver.url(fleetPath).toString(),
            "audience",
            "fleet",
            "events",
            List.of(event)));
    return fleetPath;
  }

  private static String path() {
    return "/" + UUID.randomUUID();
  }

  @Test
  void shouldTellEachUserOnlyTheirOwnTradesSigned() {
    NotifierKeys.Key alice = NotifierKeys.mint(NotifierKeys.newUser(), Role.BOT);
    NotifierKeys.Key bob = NotifierKeys.mint(NotifierKeys.newUser(), Role.BOT);
    String alicePath = path();
    String bobPath = path();
    JsonPath aliceHook =
        register(alice, Map.of("type", "webhook", "url", receiver.url(alicePath).toString()));
    register(bob, Map.of("type", "webhook", "url", receiver.url(bobPath).toString()));
    String secret = aliceHook.getString("secret");
    assertThat(secret).startsWith("whsec_");

    feed.trade(alice.userId(), "sig-a-1", 250.0);
    feed.trade(bob.userId(), "sig-b-1", -40.0);
    feed.trade(alice.userId(), "sig-a-2", -10.0);

    await().atMost(WAIT).until(() -> receiver.received(alicePath).size() >= 2);
    await().atMost(WAIT).until(() -> receiver.received(bobPath).size() >= 1);
    List<WebhookReceiver.Received> toAlice = receiver.received(alicePath);
    assertThat(toAlice)
        .extracting(r -> r.header(DeliveryClient.EVENT_ID))
        .containsExactly("trade.closed:sig-a-1", "trade.closed:sig-a-2");
    assertThat(toAlice.get(0).body())
        .contains("\"title\":\"Trade closed: ES LONG +$250.00 (win)\"");
    for (WebhookReceiver.Received request : toAlice) {
      assertThat(
              WebhookSignature.verify(
                  request.header(WebhookSignature.HEADER),
                  secret,
                  request.body(),
                  Instant.now(),
                  WebhookSignature.TOLERANCE))
          .isTrue();
    }
    assertThat(receiver.received(bobPath))
        .extracting(r -> r.header(DeliveryClient.EVENT_ID))
        .containsExactly("trade.closed:sig-b-1");
  }

  @Test
  void shouldTellTheFleetOfAKillSwitchChange() {
    String fleetPath = subscribeTheFleet("control.changed");

    String command = "cmd-" + UUID.randomUUID();
    feed.halt(command, "symbol:ES", "news");

    await().atMost(WAIT).until(() -> !receiver.received(fleetPath).isEmpty());
    WebhookReceiver.Received told = receiver.received(fleetPath).get(0);
    assertThat(told.header(DeliveryClient.EVENT_ID)).isEqualTo("control.changed:" + command);
    assertThat(told.body())
        .contains("\"fleet\":true")
        .contains("Kill switch: trading HALTED (symbol:ES)");
  }

  @Test
  void shouldTellTheFleetAndTheUserOfABotThatStoppedBeating() {
    NotifierKeys.Key dave = NotifierKeys.mint(NotifierKeys.newUser(), Role.BOT);
    String fleetPath = subscribeTheFleet("bot.silent");
    String davePath = path();
    register(dave, Map.of("type", "webhook", "url", receiver.url(davePath).toString()));

    feed.heartbeat(dave.userId(), Instant.now()); // then nothing: silent after 3 s (test profile)

    await()
        .atMost(WAIT)
        .until(
            () ->
                receiver.received(fleetPath).stream()
                    .anyMatch(r -> r.body().contains("\"user_id\":\"" + dave.userId() + "\"")));
    await()
        .atMost(WAIT)
        .until(
            () ->
                receiver.received(davePath).stream()
                    .anyMatch(r -> "bot.silent".equals(r.header(DeliveryClient.EVENT_TYPE))));
  }

  @Test
  void shouldEmailWhatAnEmailSubscriptionWants() throws Exception {
    NotifierKeys.Key erin = NotifierKeys.mint(NotifierKeys.newUser(), Role.BOT);
    String address = "erin-" + erin.userId() + "@example.com";
    register(erin, Map.of("type", "email", "email", address, "events", List.of("trade.closed")));

    feed.trade(erin.userId(), "sig-mail-1", 75.0);

    await()
        .atMost(WAIT)
        .until(
            () ->
                java.util.Arrays.stream(SmtpServerResource.server().getReceivedMessages())
                    .anyMatch(m -> recipient(m).equals(address)));
    jakarta.mail.internet.MimeMessage mail =
        java.util.Arrays.stream(SmtpServerResource.server().getReceivedMessages())
            .filter(m -> recipient(m).equals(address))
            .findFirst()
            .orElseThrow();
    assertThat(mail.getSubject()).isEqualTo("Trade closed: ES LONG +$75.00 (win)");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
        .contains("trade.closed:sig-mail-1");
  }

  private static String recipient(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldTellTheFleetWhenLearningLags() {
    String fleetPath = subscribeTheFleet("learning.lagging");

    feed.unlearnedSignal(NotifierKeys.newUser()); // no learner here: over the test's bound of 0

    await()
        .atMost(WAIT)
        .until(
            () ->
                receiver.received(fleetPath).stream()
                    .anyMatch(r -> r.body().contains("\"title\":\"Learning lags: ")));
  }

  @Test
  void shouldRefuseABadRegistrationNamingTheField() {
    NotifierKeys.Key bot = NotifierKeys.mint(NotifierKeys.newUser(), Role.BOT);

    bot.given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "type", "pager",
                "url", "https://hooks.example/x",
                "audience", "fleet",
                "events", List.of("trade.closed", "lunch")))
        .post("/api/webhooks/register")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("violations.field", hasItem("type"))
        .body("violations.field", hasItem("events[1]"))
        .body("violations.field", hasItem("audience"));
    bot.given()
        .contentType(ContentType.JSON)
        .body(Map.of("type", "webhook", "url", "http://10.1.2.3/hook"))
        .post("/api/webhooks/register")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("url"))
        .body(
            "violations[0].message",
            equalTo("is refused: 10.1.2.3 resolves to 10.1.2.3, a private address"));
    bot.given().get("/api/webhooks").then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void shouldPingListAndDeleteOnlyItsOwn() {
    NotifierKeys.Key alice = NotifierKeys.mint(NotifierKeys.newUser(), Role.BOT);
    NotifierKeys.Key mallory = NotifierKeys.mint(NotifierKeys.newUser(), Role.BOT);
    String hookPath = path();
    String id =
        register(alice, Map.of("type", "webhook", "url", receiver.url(hookPath).toString()))
            .getString("id");

    alice
        .given()
        .post("/api/webhooks/" + id + "/test")
        .then()
        .statusCode(200)
        .body("delivered", equalTo(true));
    assertThat(receiver.received(hookPath))
        .singleElement()
        .satisfies(r -> assertThat(r.header(DeliveryClient.EVENT_TYPE)).isEqualTo("ping"));
    alice
        .given()
        .get("/api/webhooks")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(id)))
        .body("[0].secret", equalTo(null));

    mallory.given().post("/api/webhooks/" + id + "/test").then().statusCode(404);
    mallory.given().delete("/api/webhooks/" + id).then().statusCode(404);
    alice.given().delete("/api/webhooks/" + id).then().statusCode(204);
    alice.given().get("/api/webhooks").then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void shouldKeepARefusedDeliveryAsADeadLetterAndSendItAgainOnReplay() {
    NotifierKeys.Key alice = NotifierKeys.mint(NotifierKeys.newUser(), Role.BOT);
    String hookPath = path();
    receiver.always(hookPath, WebhookReceiver.Answer.status(410));
    String id =
        register(alice, Map.of("type", "webhook", "url", receiver.url(hookPath).toString()))
            .getString("id");

    feed.trade(alice.userId(), "sig-dl-1", 5.0);

    await()
        .atMost(WAIT)
        .until(
            () ->
                alice
                    .given()
                    .get("/api/webhooks/" + id + "/dead-letters")
                    .jsonPath()
                    .getList("event_id")
                    .contains("trade.closed:sig-dl-1"));
    alice
        .given()
        .get("/api/webhooks/" + id + "/dead-letters")
        .then()
        .body("[0].reason", equalTo("HTTP 410"))
        .body("[0].attempts", equalTo(1));

    receiver.always(hookPath, WebhookReceiver.Answer.status(200));
    alice
        .given()
        .post("/api/webhooks/" + id + "/dead-letters/replay")
        .then()
        .statusCode(202)
        .body("resent", equalTo(1));

    await().atMost(WAIT).until(() -> receiver.received(hookPath).size() == 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                alice
                    .given()
                    .get("/api/webhooks/" + id + "/dead-letters")
                    .jsonPath()
                    .getList("$")
                    .isEmpty());
  }
}
