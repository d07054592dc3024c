package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.testkit.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications as a subscriber meets them (ADR 25): trades POSTed to the gateway, learned by the
 * learner, told by the notifier to the user's own webhook, signed, and to nobody else's; a
 * kill-switch change told to the fleet's; and a notifier killed with {@code kill -9} mid-delivery
 * losing nothing.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class NotificationsEndToEndTest {

  private static final Duration WITHIN = Duration.ofSeconds(90);
  private static LocalStack stack;
  private static WebhookReceiver receiver;
  private final Http http = new Http();

  @BeforeAll
  static void useStack(LocalStack shared) throws Exception {
    stack = shared;
    receiver = new WebhookReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static String newUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Registers a webhook to {@code path} of the receiver; returns its secret. */
  private String register(String key, String path, Map<String, Object> more) throws Exception {
    Map<String, Object> body = new HashMap<>(more);
    body.put("type", "webhook");
    body.put("url", receiver.url(path).toString());
    Http.Answer answer =
        http.post(stack.notifier() + "/api/webhooks/register", body, Http.bearer(key));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().path("secret").asText();
  }

  private List<String> trade(String user, int count) throws Exception {
    Instant start = Instant.now().minusSeconds(3600);
    List<String> ids =
        IntStream.range(0, count).mapToObj(i -> user + "-n-" + i).collect(Collectors.toList());
    for (int i = 0; i < count; i++) {
      Instant at = start.plusSeconds(60L * i);
      String key = stack.botKey(user);
      assertThat(
              http.post(
                      stack.gateway() + "/api/signals",
                      BotEvents.signal(user, ids.get(i), "ES", at),
                      Http.bearer(key))
                  .status())
          .isEqualTo(202);
      assertThat(
              http.post(
                      stack.gateway() + "/api/outcomes",
                      BotEvents.outcome(user, ids.get(i), "ES", at, i % 2 == 0),
                      Http.bearer(key))
                  .status())
          .isEqualTo(202);
    }
    return ids;
  }

  private static Set<String> eventIds(String path) {
    return receiver.received(path).stream()
        .map(request -> request.header("Hivemind-Event-Id"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean signedWith(WebhookReceiver.Received request, String secret)
      throws Exception {
    Map<String, String> parts = new HashMap<>();
    for (String part : request.header("Hivemind-Signature").split(",")) {
      String[] pair = part.split("=", 2);
      parts.put(pair[0], pair[1]);
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal((parts.get("t") + "." + request.body()).getBytes()));
    return expected.equals(parts.get("v1"))
        && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(parts.get("t"))) < 300;
  }

  @Test
  void shouldTellEachUserTheirOwnClosedTradesSignedAndTheFleetAKillSwitchChange() throws Exception {
    String alice = newUser();
    String bob = newUser();
    String alicePath = "/alice-" + alice;
    String bobPath = "/bob-" + bob;
    String fleetPath = "/fleet-" + alice;
    String aliceSecret = register(stack.botKey(alice), alicePath, Map.of());
    register(stack.botKey(bob), bobPath, Map.of());
    register(
        stack.adminKey(),
        fleetPath,
        Map.of("audience", "fleet", "events", List.of("control.changed")));

    List<String> alices = trade(alice, 3);
    List<String> bobs = trade(bob, 2);
    stack.hivemind("halt", "--scope", "user:" + alice, "--reason", "notification check");
    stack.hivemind("resume", "--scope", "user:" + alice, "--reason", "checked");

    Set<String> toAlice =
        alices.stream().map(id -> "trade.closed:" + id).collect(Collectors.toSet());
    Awaitility.await("alice's closed trades, her first badge and her halt")
        .atMost(WITHIN)
        .until(
            () ->
                eventIds(alicePath).containsAll(toAlice)
                    && eventIds(alicePath).stream().anyMatch(id -> id.startsWith("milestone:"))
                    && eventIds(alicePath).stream()
                        .anyMatch(id -> id.startsWith("control.changed:")));
    assertThat(eventIds(alicePath))
        .filteredOn(id -> id.startsWith("trade.closed:"))
        .isEqualTo(List.copyOf(new TreeSet<>(toAlice)));
    assertThat(eventIds(alicePath))
        .filteredOn(id -> id.startsWith("milestone:"))
        .allMatch(id -> id.startsWith("milestone:" + alice + ":"));
    assertThat(eventIds(alicePath))
        .allMatch(
            id ->
                id.startsWith("trade.closed:" + alice)
                    || id.startsWith("milestone:" + alice)
                    || id.startsWith("control.changed:"));
    for (WebhookReceiver.Received request : receiver.received(alicePath)) {
      assertThat(signedWith(request, aliceSecret)).as(request.body()).isTrue();
    }
    Awaitility.await("bob's closed trades")
        .atMost(WITHIN)
        .until(
            () ->
                eventIds(bobPath).stream().filter(id -> id.startsWith("trade.")).count()
                    == bobs.size());
    assertThat(eventIds(bobPath))
        .allMatch(id -> id.startsWith("trade.closed:" + bob) || id.startsWith("milestone:" + bob));

    Awaitility.await("the halt and the resume, told to the fleet")
        .atMost(WITHIN)
        .until(
            () ->
                receiver.received(fleetPath).stream()
                        .filter(r -> r.body().contains("\"scope\":\"user:" + alice + "\""))
                        .count()
                    >= 2);
    assertThat(receiver.received(fleetPath).get(0).body())
        .contains("Kill switch: trading HALTED (user:" + alice + ")");
  }

  @Test
  void shouldLoseNothingWhenTheNotifierIsKilledMidDelivery() throws Exception {
    String carol = newUser();
    String path = "/carol-" + carol;
    receiver.always(path, new WebhookReceiver.Answer(200, Map.of(), 500));
    register(stack.botKey(carol), path, Map.of());

    List<String> ids = trade(carol, 12);
    Awaitility.await("the first deliveries")
        .atMost(WITHIN)
        .until(() -> receiver.received(path).size() >= 2);
    stack.killHard("notifier");
    long beforeRestart =
        eventIds(path).stream().filter(id -> id.startsWith("trade.closed:")).count();
    stack.hivemind("up");

    Set<String> expected = ids.stream().map(id -> "trade.closed:" + id).collect(Collectors.toSet());
    Awaitility.await("every closed trade of carol, after the restart")
        .atMost(WITHIN)
        .until(() -> eventIds(path).containsAll(expected));
    assertThat(beforeRestart).as("some were still to deliver when it was killed").isLessThan(12);
    assertThat(eventIds(path))
        .as("the closed trades, and carol's badges and streaks beside them")
        .filteredOn(id -> id.startsWith("trade.closed:"))
        .isEqualTo(List.copyOf(new TreeSet<>(expected)));
  }
}
