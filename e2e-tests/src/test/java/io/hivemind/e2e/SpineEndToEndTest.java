package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The spine as a user meets it: {@code ./hivemind up}, events POSTed over HTTP to the gateway,
 * statistics and confidence read back from the query service, then a second query instance that
 * answers for users it does not own.
 */
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.MethodName.class)
@ExtendWith(LocalStack.Shared.class)
class SpineEndToEndTest {

  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);
  private static LocalStack stack;
  private final Http http = new Http();

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  private static String newUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** POSTs {@code count} signal/outcome pairs, the first {@code wins} of them winners. */
  private List<String> trade(String user, String symbol, int count, int wins, List<String> ids)
      throws Exception {
    List<String> used = new ArrayList<>();
    Instant start = Instant.now().minusSeconds(3600);
    for (int i = 0; i < count; i++) {
      String id = ids == null ? user + "-" + symbol + "-" + i : ids.get(i);
      Instant at = start.plusSeconds(60L * i);
      assertThat(
              http.post(
                      stack.gateway() + "/api/signals",
                      BotEvents.signal(user, id, symbol, at),
                      Http.bearer(stack.botKey(user)))
                  .status())
          .isEqualTo(202);
      assertThat(
              http.post(
                      stack.gateway() + "/api/outcomes",
                      BotEvents.outcome(user, id, symbol, at, i < wins),
                      Http.bearer(stack.botKey(user)))
                  .status())
          .isEqualTo(202);
      used.add(id);
    }
    return used;
  }

  private JsonNode stats(String baseUrl, String user, String symbol) throws Exception {
    Http.Answer answer =
        http.get(
            baseUrl + "/api/ml/stats?user_id=" + user + "&symbol=" + symbol,
            Http.bearer(stack.botKey(user)));
    return answer.status() == 200 ? answer.body() : null;
  }

  private JsonNode awaitLongStats(String baseUrl, String user, String symbol, long trades) {
    JsonNode[] seen = new JsonNode[1];
    Awaitility.await(user + " " + symbol + " stats at " + baseUrl)
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () -> {
              seen[0] = stats(baseUrl, user, symbol);
              return seen[0] != null && seen[0].at("/sides/LONG/trades").asLong() == trades;
            });
    return seen[0].at("/sides/LONG");
  }

  @Test
  void a_shouldLearnTwentyTradesOnceEvenWhenEveryPostIsRetried() throws Exception {
    String alice = newUser();
    String bob = newUser();
    trade(bob, "ES", 3, 1, null);
    double before = winProbability(alice);

    List<String> ids = trade(alice, "ES", 20, 12, null);
    JsonNode learned = awaitLongStats(stack.query(), alice, "ES", 20);
    assertThat(learned.get("wins").asLong()).isEqualTo(12);
    assertThat(learned.get("losses").asLong()).isEqualTo(8);

    // the bot retries every POST: nothing changes. A later trade of the same user (same
    // partition, so processed after the retries) shows the retries have been processed.
    trade(alice, "ES", 20, 12, ids);
    trade(alice, "NQ", 1, 1, null);
    awaitLongStats(stack.query(), alice, "NQ", 1);
    JsonNode afterRetries = stats(stack.query(), alice, "ES").at("/sides/LONG");
    assertThat(afterRetries.get("trades").asLong()).isEqualTo(20);
    assertThat(afterRetries.get("wins").asLong()).isEqualTo(12);

    // another user's statistics are untouched
    JsonNode bobs = awaitLongStats(stack.query(), bob, "ES", 3);
    assertThat(bobs.get("wins").asLong()).isEqualTo(1);

    // and the confidence the bot is given moved with what was learned
    assertThat(winProbability(alice)).isNotEqualTo(before);
  }

  private double winProbability(String user) throws Exception {
    Http.Answer answer =
        http.get(
            stack.query()
                + "/api/ml/win_probability?user_id="
                + user
                + "&symbol=ES&side=LONG&rsi=34.2&vwap_z=-2.15",
            Http.bearer(stack.botKey(user)));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().at("/interval/level").asDouble()).isEqualTo(0.9);
    return answer.body().get("win_probability").asDouble();
  }

  @Test
  void b_shouldRefuseASidewaysSignalWithAProblemNamingTheField() throws Exception {
    String user = newUser();
    Map<String, Object> bad = BotEvents.signal(user, "bad-1", "ES", Instant.now());
    bad.put("side", "SIDEWAYS");

    Http.Answer answer =
        http.post(stack.gateway() + "/api/signals", bad, Http.bearer(stack.botKey(user)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().get("violations").findValuesAsText("field")).contains("side");
  }

  @Test
  void b_shouldKeepTheRegistrysSchemasUnderTheBackwardRule() throws Exception {
    Http.Answer rule = http.get(stack.registry() + "/apis/registry/v3/admin/rules/COMPATIBILITY");
    Http.Answer subjects = http.get(stack.registry() + "/apis/ccompat/v7/subjects");

    assertThat(rule.status()).isEqualTo(200);
    assertThat(rule.body().get("config").asText()).isEqualTo("BACKWARD");
    // the services registered their contracts on first use, readable through the ccompat API
    assertThat(subjects.body().toString()).contains("hivemind.signals-value");
  }

  @Test
  void c_shouldAnswerFromEitherQueryInstanceForEveryUser() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String user = newUser();
      trade(user, "CL", i + 1, 1, null);
      users.add(user);
    }
    stack.startSecondQueryInstance();

    for (int i = 0; i < users.size(); i++) {
      JsonNode first = awaitLongStats(stack.query(), users.get(i), "CL", i + 1);
      JsonNode second = awaitLongStats(stack.secondQuery(), users.get(i), "CL", i + 1);
      assertThat(second).isEqualTo(first);
      assertThat(second.get("wins").asLong()).isEqualTo(1);
    }
  }
}
