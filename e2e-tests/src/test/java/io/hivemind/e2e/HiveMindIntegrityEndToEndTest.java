package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12's first scenario against the running stack: one user's record on an instrument nobody
 * else trades is invisible to another user until k = 5 distinct users traded it, and then one user
 * posting 100 more wins in a day counts with at most 25 of them (learner-streams'
 * hivemind.learner.community-cap-per-day). MYM is traded by no other end-to-end test.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class HiveMindIntegrityEndToEndTest {

  private static final String SYMBOL = "MYM";
  private static final int K = 5;
  private static final int CAP_PER_DAY = 25;
  private static final Duration LEARNED_WITHIN = Duration.ofSeconds(60);

  private static LocalStack stack;
  private final Http http = new Http();

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  @Test
  void aCommunityIsInvisibleUntilKUsersTradedItAndOneUserMovesItOnlyByTheCap() throws Exception {
    Instant entry = sameUtcDayEntry();
    String alice = newUser();
    String bob = newUser();

    trades(alice, 10, 7, entry);
    awaitOwnTrades(alice, 10);

    JsonNode beforeK = winProbability(bob, entry);
    assertThat(beforeK.at("/evidence/community_trades").asLong())
        .as("alice's record, read by bob")
        .isZero();
    assertThat(beforeK.at("/evidence/community_level").isNull()).isTrue();
    // alice's withheld record moves nothing: bob is answered where the chain starts, the fleet's
    // pooled rate (ADR 20; 50 % before enough of the fleet traded), which the answer names
    assertThat(beforeK.get("win_probability").asDouble())
        .isCloseTo(beforeK.at("/evidence/prior/mean").asDouble(), within(1e-4));

    List<String> others = new ArrayList<>();
    for (int i = 0; i < K - 1; i++) {
      String other = newUser();
      others.add(other);
      trades(other, 1, 1, entry);
    }
    for (String other : others) {
      awaitOwnTrades(other, 1);
    }
    JsonNode atK =
        Awaitility.await("the community of " + K + " users shown to bob")
            .atMost(LEARNED_WITHIN)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> winProbability(bob, entry), b -> !b.at("/evidence/community_level").isNull());
    assertThat(atK.at("/evidence/community_trades").asLong()).isEqualTo(10 + K - 1);

    trades(alice, 100, 100, entry.plusSeconds(1));
    awaitOwnTrades(alice, 110);

    JsonNode afterFlood =
        Awaitility.await("alice's capped wins in the community")
            .atMost(LEARNED_WITHIN)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> winProbability(bob, entry),
                b -> b.at("/evidence/community_trades").asLong() >= CAP_PER_DAY + K - 1);
    assertThat(afterFlood.at("/evidence/community_trades").asLong())
        .as("alice counts with %d trades of the day, the others with one each", CAP_PER_DAY)
        .isEqualTo(CAP_PER_DAY + K - 1);
  }

  /** {@code count} trades of {@code user}, the first {@code wins} of them won, in one batch. */
  private void trades(String user, int count, int wins, Instant entry) throws Exception {
    List<Map<String, Object>> signals = new ArrayList<>();
    List<Map<String, Object>> outcomes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = user + "-" + UUID.randomUUID();
      signals.add(BotEvents.signal(user, id, SYMBOL, entry));
      outcomes.add(BotEvents.outcome(user, id, SYMBOL, entry, i < wins));
    }
    Http.Answer answer =
        http.post(
            stack.gateway() + "/api/events",
            Map.of("signals", signals, "outcomes", outcomes),
            Http.bearer(stack.botKey(user)));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
  }

  private void awaitOwnTrades(String user, long trades) {
    Awaitility.await(user + "'s " + trades + " trades learned")
        .atMost(LEARNED_WITHIN)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                http.get(
                        stack.query() + "/api/ml/stats?symbol=" + SYMBOL,
                        Http.bearer(stack.botKey(user)))
                    .body(),
            body -> body.at("/total/trades").asLong() == trades);
  }

  private JsonNode winProbability(String user, Instant entry) throws Exception {
    Http.Answer answer =
        http.get(
            stack.query()
                + "/api/ml/win_probability?symbol="
                + SYMBOL
                + "&side=LONG&rsi=34.2&vwap_z=-2.15&timestamp="
                + entry,
            Http.bearer(stack.botKey(user)));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  /** An hour ago, moved earlier if its trade (4 minutes) would end on the next UTC day. */
  private static Instant sameUtcDayEntry() {
    Instant entry = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    Instant exit = entry.plusSeconds(240);
    if (!entry
        .atOffset(ZoneOffset.UTC)
        .toLocalDate()
        .equals(exit.atOffset(ZoneOffset.UTC).toLocalDate())) {
      entry = entry.minus(Duration.ofMinutes(10));
    }
    return entry;
  }

  private static String newUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
