package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API keys against the running stack, as issue 6 asks: no key, another user's data, a revoked key
 * on every instance.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class AccessEndToEndTest {

  private static final Duration REVOKED_WITHIN = Duration.ofSeconds(5);

  private static LocalStack stack;
  private final Http http = new Http();

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  private static String newUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Test
  void withoutAKeyEveryServiceAnswers401() throws Exception {
    Http.Answer signal =
        http.post(
            stack.gateway() + "/api/signals",
            BotEvents.signal(newUser(), "s1", "ES", Instant.now()));
    Http.Answer stats = http.get(stack.query() + "/api/ml/stats?symbol=ES");

    for (Http.Answer answer : List.of(signal, stats)) {
      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(401);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void aKeyWritesAndReadsOnlyItsOwnUsersData() throws Exception {
    String alice = newUser();
    String bob = newUser();
    String[] alicesKey = Http.bearer(stack.botKey(alice));

    Http.Answer asBob =
        http.post(
            stack.gateway() + "/api/signals",
            BotEvents.signal(bob, "s1", "ES", Instant.now().minusSeconds(60)),
            alicesKey);
    Http.Answer bobsStats =
        http.get(stack.query() + "/api/ml/stats?user_id=" + bob + "&symbol=ES", alicesKey);
    Http.Answer own =
        http.get(stack.query() + "/api/ml/stats?user_id=" + alice + "&symbol=ES", alicesKey);

    assertThat(asBob.status()).as(asBob.body().toString()).isEqualTo(403);
    assertThat(asBob.body().get("violations").findValuesAsText("field")).contains("user_id");
    assertThat(bobsStats.status()).as(bobsStats.body().toString()).isEqualTo(403);
    assertThat(own.status()).as(own.body().toString()).isEqualTo(200);
  }

  @Test
  void aRevokedKeyIsRefusedByEveryInstanceWithinSeconds() throws Exception {
    String user = newUser();
    String key = stack.botKey(user);
    List<String> instances = new ArrayList<>(List.of(stack.gateway() + "/api/maintenance/status"));
    instances.add(stack.query() + "/api/ml/stats?symbol=ES");
    if (answers(stack.secondQuery())) {
      instances.add(stack.secondQuery() + "/api/ml/stats?symbol=ES");
    }
    for (String url : instances) {
      Awaitility.await("accepted at " + url)
          .atMost(Duration.ofSeconds(15))
          .until(() -> http.get(url, Http.bearer(key)).status() == 200);
    }

    stack.hivemind("keys", "revoke", key.substring(3, key.indexOf('_', 3)), "--reason", "e2e");
    long revoked = System.nanoTime();

    for (String url : instances) {
      Awaitility.await("refused at " + url)
          .atMost(REVOKED_WITHIN.minusNanos(System.nanoTime() - revoked))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> http.get(url, Http.bearer(key)).status() == 401);
    }
  }

  private boolean answers(String base) {
    try {
      return http.get(base + "/q/health/ready").status() == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
