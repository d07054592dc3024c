package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hivemind.schema.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11's scenario on the local stack as a user runs it: the fleet halted and learning paused
 * with {@code ./hivemind}, the schema registry stopped, the learner, the query and the gateway
 * restarted during the outage, the registry brought back with {@code ./hivemind up}. Every instance
 * stays HALTED and PAUSED throughout and after (a 503 problem while one cannot know is allowed,
 * never ACTIVE, RUNNING or {@code take_trade: true}), the learner consumes nothing, nothing is
 * dead-lettered, no answer is a 5xx other than a 503 problem with {@code Retry-After}; after resume
 * every outcome the gateway acknowledged (202) is counted exactly once.
 *
 * <p>Every answer is checked as it comes; what breaks the contract is collected, and each step
 * fails with all it collected. The test leaves the registry running, the fleet ACTIVE and learning
 * RUNNING, as the other tests on the shared stack expect.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class RegistryOutageEndToEndTest {

  private static final String LEARNER = "learner-streams";
  private static final String QUERY = "confidence-query";
  private static final String GATEWAY = "ingest-gateway";
  private static final String LEARNER_GROUP = "hivemind-learner";

  private static final Duration KNOWN_WITHIN = Duration.ofSeconds(60);
  private static final Duration AFTER_RESTART_WITHIN = Duration.ofSeconds(120);
  private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(90);

  /** How long every instance is watched at each step, every answer checked. */
  private static final Duration WATCH = Duration.ofSeconds(2);

  /**
   * How long a paused learner must show nothing new: ten times the freshness p99 of a learning
   * pipeline (README) at least.
   */
  private static final Duration HOLD = Duration.ofSeconds(4);

  /**
   * How long {@code ./hivemind start} waits for a service restarted during the outage to be ready.
   * It may stay not ready while it cannot serve (answering 503 problems meanwhile); the test goes
   * on either way, so this only bounds the time spent.
   */
  private static final Map<String, String> START_WAIT = Map.of("HIVEMIND_WAIT_SECONDS", "60");

  private static final int TRADES_BEFORE_OUTAGE = 8;
  private static final int TRADES_DURING_OUTAGE = 8;

  private static LocalStack stack;
  private static Operator operator;
  private static Admin kafka;
  private static Topics topics;

  private final Http http = new Http();
  private final List<String> breaches = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> lastSeen = Collections.synchronizedMap(new HashMap<>());

  private String user;
  private String[] botKey;

  @BeforeAll
  static void useStack(LocalStack shared) throws Exception {
    stack = shared;
    operator = new Operator(new Http(), stack.gateway(), stack.adminKey(), LocalStack.OPERATOR);
    kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka()));
    topics = Topics.withDefaultPrefix();
  }

  @AfterAll
  static void closeKafka() {
    if (kafka != null) {
      kafka.close(Duration.ofSeconds(10));
    }
  }

  /** Whatever a failed run left behind: the registry and every service up, trading and learning. */
  @AfterEach
  void leaveTheStackUpTradingAndLearning() throws Exception {
    stack.hivemind("up");
    JsonNode fleet = operator.get("/api/maintenance/status").body();
    if (!fleet.path("trading_state").asText().equals("ACTIVE")) {
      operator.command("/api/emergency/resume_all", "e2e: leave the fleet trading");
    }
    if (!fleet.path("learning").asText().equals("RUNNING")) {
      operator.command("/api/learning/resume", "e2e: leave the fleet learning");
    }
  }

  @Test
  void shouldStayHaltedAndPausedThroughARegistryOutageAndCountEachOutcomeOnce() throws Exception {
    user = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    botKey = Http.bearer(stack.botKey(user));
    String reason = "e2e registry outage " + UUID.randomUUID();

    // the pipeline learns this user's trades while learning runs (and its first transaction is
    // behind it); nothing is dead-lettered from here on
    Bot bot = new Bot();
    bot.trade("NQ", 0, 1, true);
    bot.awaitAcknowledged("the warm-up trade", Duration.ofSeconds(30));
    awaitLongTrades("NQ", 1, KNOWN_WITHIN);
    long deadLetters = deadLetterCount();

    // 1. halted and paused as an operator does it
    stack.hivemind("halt", "--reason", reason);
    stack.hivemind("learning", "pause", "--reason", reason);
    step("halted and paused, before the outage", true);

    for (int i = 0; i < TRADES_BEFORE_OUTAGE; i++) {
      bot.trade("ES", i, TRADES_BEFORE_OUTAGE + TRADES_DURING_OUTAGE, i % 2 == 0);
    }
    bot.awaitAcknowledged("the trades posted while paused", ACKNOWLEDGED_WITHIN);
    assertNothingLearned("paused, before the outage", bot);

    // 2. the registry stops; the learner, the query and the gateway are restarted without it
    stack.stop("registry");
    assertThat(registryAnswers())
        .as("the registry answers after ./hivemind stop registry")
        .isFalse();
    step("registry stopped", false);
    for (String service : List.of(LEARNER, QUERY, GATEWAY)) {
      restartDuringTheOutage(service);
      step(service + " restarted during the outage", false);
      assertNothingLearned(service + " restarted during the outage", bot);
    }
    for (int i = TRADES_BEFORE_OUTAGE; i < TRADES_BEFORE_OUTAGE + TRADES_DURING_OUTAGE; i++) {
      bot.trade("ES", i, TRADES_BEFORE_OUTAGE + TRADES_DURING_OUTAGE, i % 2 == 0);
    }
    System.out.printf(
        "ES outcomes acknowledged (202) by the end of the outage: %d of %d%n",
        bot.outcomes("ES"), TRADES_BEFORE_OUTAGE + TRADES_DURING_OUTAGE);
    step("trades posted during the outage", false);
    assertNothingLearned("during the outage", bot);

    // 3. the registry is back: still halted and paused everywhere, the bot's retries acknowledged,
    // nothing learned, nothing dead-lettered
    stack.hivemind("up");
    step("registry back (./hivemind up)", true);
    bot.awaitAcknowledged("the bot's retries after the outage", ACKNOWLEDGED_WITHIN);
    assertNothingLearned("registry back, still paused", bot);
    assertThat(deadLetterCount())
        .as("records in %s before the scenario and now", topics.deadLetters)
        .isEqualTo(deadLetters);

    // 4. resumed: every acknowledged outcome counted exactly once
    stack.hivemind("learning", "resume", "--reason", reason);
    stack.hivemind("resume", "--reason", reason);
    awaitResumed();
    JsonNode learned = awaitLongTrades("ES", bot.outcomes("ES"), AFTER_RESTART_WITHIN);
    assertThat(learned.get("wins").asLong()).isEqualTo(bot.wins("ES"));
    // a later trade of the same user (same partition) is learned after the whole backlog: by then
    // nothing was learned twice
    bot.trade("NQ", 1, 1, false);
    bot.awaitAcknowledged("a trade after resume", Duration.ofSeconds(30));
    awaitLongTrades("NQ", 2, KNOWN_WITHIN);
    JsonNode after = stats("after resume").at("/sides/LONG");
    assertThat(after.get("trades").asLong()).isEqualTo(bot.outcomes("ES"));
    assertThat(after.get("wins").asLong()).isEqualTo(bot.wins("ES"));
    assertThat(deadLetterCount())
        .as("records in %s before the scenario and after learning", topics.deadLetters)
        .isEqualTo(deadLetters);
    assertNoBreaches("after resume");
  }

  // ------------------------------------------------------------------ the steps

  /**
   * Every instance at this step: the gateway and the learner must say HALTED and PAUSED (within a
   * bound); the query must too when {@code queryMustKnow}, else it may answer 503 problems. Each is
   * then watched for {@link #HOLD}, every answer checked.
   */
  private void step(String when, boolean queryMustKnow) throws Exception {
    awaitKnown(when + ": gateway control state", this::gatewayState);
    awaitKnown(when + ": learner", this::learnerState);
    List<Probe> probes = new ArrayList<>(List.of(this::gatewayState, this::learnerState));
    for (String query : queryInstances()) {
      Probe probe = () -> confidence(query);
      if (queryMustKnow) {
        awaitKnown(when + ": win_probability at " + query, probe);
      }
      probes.add(probe);
    }
    watch(when, probes, WATCH);
    assertNoBreaches(when);
  }

  /**
   * {@code ./hivemind stop <service>; ./hivemind start <service>} with the registry down. The start
   * may end before the service is ready (it may not be while it cannot serve), never with the
   * process gone.
   */
  private void restartDuringTheOutage(String service) throws Exception {
    stack.stop(service);
    LocalStack.Finished started = stack.attempt(START_WAIT, "start", service);
    System.out.printf(
        "./hivemind start %s during the outage: exit %d%n%s%n",
        service, started.status(), started.output());
    if (started.status() != 0) {
      assertThat(started.output())
          .as("./hivemind start %s during the outage: the process must keep running", service)
          .contains("was not ready within")
          .doesNotContain("exited before it was ready");
    }
  }

  /**
   * The learner consumed nothing the bot posted while paused (its group's committed offsets are at
   * or before each acknowledged record), and the query shows none of it.
   */
  private void assertNothingLearned(String when, Bot bot) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        kafka
            .listConsumerGroupOffsets(LEARNER_GROUP)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    bot.firstPausedOffsets()
        .forEach(
            (partition, first) -> {
              OffsetAndMetadata at = committed.get(partition);
              if (at != null && at.offset() > first) {
                breaches.add(
                    when
                        + ": the learner's group committed "
                        + partition
                        + " up to "
                        + at.offset()
                        + ", past record "
                        + first
                        + " posted while learning was paused");
              }
            });
    watch(when + ": ES stats", List.of(() -> esStatsHeld(when)), HOLD);
    assertNoBreaches(when);
  }

  private void awaitResumed() {
    awaitState(
        "gateway control state ACTIVE and RUNNING",
        () -> {
          Http.Answer answer = operator.get("/api/control/state");
          checked("after resume: gateway control state", answer);
          JsonNode fleet = answer.body().path("fleet");
          return answer.status() == 200
              && fleet.path("trading_state").asText().equals("ACTIVE")
              && fleet.path("learning").asText().equals("RUNNING");
        });
    awaitState(
        "learner RUNNING",
        () -> {
          Http.Answer answer = http.get(stack.learner() + "/api/learning");
          checked("after resume: learner", answer);
          return answer.status() == 200
              && answer.body().path("learning").asText().equals("RUNNING");
        });
    for (String query : queryInstances()) {
      awaitState(
          "win_probability ACTIVE at " + query,
          () -> {
            Http.Answer answer = winProbability(query);
            checked("after resume: win_probability at " + query, answer);
            return answer.status() == 200
                && answer.body().path("trading_state").asText().equals("ACTIVE")
                && answer.body().path("take_trade").asBoolean(false);
          });
    }
    assertNoBreaches("after resume");
  }

  // ------------------------------------------------------------------ probes and checks

  /** What one answer says: the state this step requires, or not known yet (a 503 problem). */
  private enum Verdict {
    KNOWN,
    NOT_YET
  }

  @FunctionalInterface
  private interface Probe {
    Verdict ask() throws Exception;
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private Verdict gatewayState() throws Exception {
    String what = "gateway GET /api/control/state";
    Http.Answer answer = operator.get("/api/control/state");
    JsonNode fleet = answer.body().path("fleet");
    return verdict(
        what,
        answer,
        fleet.path("trading_state").asText().equals("HALTED")
            && !fleet.path("take_new_entries").asBoolean(true)
            && fleet.path("learning").asText().equals("PAUSED"));
  }

  private Verdict learnerState() throws Exception {
    Http.Answer answer = http.get(stack.learner() + "/api/learning");
    return verdict(
        "learner GET /api/learning",
        answer,
        answer.body().path("learning").asText().equals("PAUSED"));
  }

  /** With threshold 0 a bot may take the trade exactly when its trading state allows entries. */
  private Verdict confidence(String query) throws Exception {
    Http.Answer answer = winProbability(query);
    JsonNode body = answer.body();
    return verdict(
        "GET " + query + "/api/ml/win_probability",
        answer,
        body.path("trading_state").asText().equals("HALTED")
            && !body.path("take_trade").asBoolean(true)
            && body.path("learning").asText().equals("PAUSED"));
  }

  private Http.Answer winProbability(String query) throws Exception {
    return http.get(
        query
            + "/api/ml/win_probability?user_id="
            + user
            + "&symbol=ES&side=LONG&rsi=34.2&vwap_z=-2.15&threshold=0",
        botKey);
  }

  /** Nothing of ES learned yet: 0 LONG trades (or a 503 problem while the query cannot say). */
  private Verdict esStatsHeld(String when) throws Exception {
    Http.Answer answer =
        http.get(stack.query() + "/api/ml/stats?user_id=" + user + "&symbol=ES", botKey);
    return verdict(
        "GET /api/ml/stats (" + when + ")",
        answer,
        answer.body().at("/sides/LONG/trades").asLong(-1) == 0);
  }

  /**
   * 200 with the required state: KNOWN. A 503 problem with Retry-After: NOT_YET. Anything else is a
   * breach (and NOT_YET).
   */
  private Verdict verdict(String what, Http.Answer answer, boolean requiredState) {
    lastSeen.put(what, describe(answer));
    if (answer.status() == 200 && requiredState) {
      return Verdict.KNOWN;
    }
    if (!unavailableAsAllowed(answer)) {
      breaches.add(what + ": " + describe(answer));
    }
    return Verdict.NOT_YET;
  }

  /** Any answer: a 5xx must be a 503 problem with Retry-After. */
  private void checked(String what, Http.Answer answer) {
    lastSeen.put(what, describe(answer));
    if (answer.status() >= 500 && !unavailableAsAllowed(answer)) {
      breaches.add(what + ": " + describe(answer));
    }
  }

  private static boolean unavailableAsAllowed(Http.Answer answer) {
    return answer.status() == 503 && answer.isProblem() && answer.retryAfter() != null;
  }

  private static String describe(Http.Answer answer) {
    String body = answer.body().isTextual() ? answer.body().asText() : answer.body().toString();
    return answer.status()
        + " "
        + answer.contentType()
        + (answer.retryAfter() == null ? "" : " Retry-After " + answer.retryAfter())
        + " "
        + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
  }

  /**
   * Polls until the probe answers KNOWN, bounded (an instance that does not answer yet is polled
   * again); fails with what it last answered.
   */
  private void awaitKnown(String what, Probe probe) {
    try {
      Awaitility.await(what)
          .atMost(KNOWN_WITHIN)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                try {
                  return probe.ask() == Verdict.KNOWN;
                } catch (IOException noAnswer) {
                  lastSeen.put(what, "no answer (" + noAnswer + ")");
                  return false;
                }
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          what
              + ": not HALTED and PAUSED within "
              + KNOWN_WITHIN
              + "; last answers "
              + lastSeen
              + "; breaches "
              + breaches,
          e);
    }
  }

  /**
   * Asks every probe, again and again for {@code period}, checking every answer (an instance that
   * does not answer is a breach here: each one answered before).
   */
  private void watch(String when, List<Probe> probes, Duration period) {
    Awaitility.await(when + ": every instance watched")
        .during(period)
        .atMost(period.plusSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              for (Probe probe : probes) {
                try {
                  probe.ask();
                } catch (IOException noAnswer) {
                  breaches.add(when + ": no answer (" + noAnswer + ")");
                }
              }
              return true;
            });
  }

  private void awaitState(String what, Condition condition) {
    try {
      Awaitility.await(what)
          .atMost(KNOWN_WITHIN)
          .pollInterval(Duration.ofMillis(200))
          .until(condition::holds);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(what + ": not within " + KNOWN_WITHIN + "; last " + lastSeen, e);
    }
  }

  private void assertNoBreaches(String when) {
    synchronized (breaches) {
      assertThat(breaches).as("answers breaking the fail-closed contract by: " + when).isEmpty();
    }
  }

  /** The query instances that run: the stack's own, and a second one if another test started it. */
  private List<String> queryInstances() {
    List<String> instances = new ArrayList<>(List.of(stack.query()));
    try {
      http.get(stack.secondQuery() + "/q/health/live");
      instances.add(stack.secondQuery());
    } catch (IOException | InterruptedException notRunning) {
      // not started on this stack
    }
    return instances;
  }

  private boolean registryAnswers() {
    try {
      http.get(stack.registry() + "/health/live");
      return true;
    } catch (IOException | InterruptedException refused) {
      return false;
    }
  }

  private JsonNode stats(String when) throws Exception {
    Http.Answer answer =
        http.get(stack.query() + "/api/ml/stats?user_id=" + user + "&symbol=ES", botKey);
    checked(when + ": stats", answer);
    assertThat(answer.status()).as(describe(answer)).isEqualTo(200);
    return answer.body();
  }

  private JsonNode awaitLongTrades(String symbol, long trades, Duration within) {
    JsonNode[] seen = new JsonNode[1];
    Awaitility.await(user + " " + symbol + " stats with " + trades + " LONG trades")
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Http.Answer answer =
                  http.get(
                      stack.query() + "/api/ml/stats?user_id=" + user + "&symbol=" + symbol,
                      botKey);
              checked(symbol + " stats", answer);
              seen[0] = answer.body().at("/sides/LONG");
              return answer.status() == 200 && seen[0].path("trades").asLong() == trades;
            });
    return seen[0];
  }

  /** Every record in the dead-letter topic so far (its end offsets summed). */
  private static long deadLetterCount() throws Exception {
    int partitions =
        kafka
            .describeTopics(List.of(topics.deadLetters))
            .allTopicNames()
            .get(30, TimeUnit.SECONDS)
            .get(topics.deadLetters)
            .partitions()
            .size();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topics.deadLetters, p), OffsetSpec.latest());
    }
    return kafka.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  // ------------------------------------------------------------------ the bot

  /**
   * A bot as DESIGN has it: it posts each trade's signal, then its outcome, and retries what was
   * not acknowledged with the same ids. Only a 202 acknowledges; the gateway may answer 503
   * problems while it cannot write.
   */
  private final class Bot {

    private record Post(String path, Map<String, Object> body, String symbol, boolean win) {}

    private final Map<String, Post> pending = new LinkedHashMap<>();
    private final List<Post> acknowledged = new ArrayList<>();

    /** The first offset acknowledged per partition after the pause (ES trades only). */
    private final Map<TopicPartition, Long> firstPaused = new HashMap<>();

    void trade(String symbol, int i, int of, boolean win) throws Exception {
      String id = user + "-" + symbol + "-" + i;
      Instant at = Instant.now().minusSeconds(60L * (of - i) + 600);
      pending.put(
          "s/" + id, new Post("/api/signals", BotEvents.signal(user, id, symbol, at), symbol, win));
      pending.put(
          "o/" + id,
          new Post("/api/outcomes", BotEvents.outcome(user, id, symbol, at, win), symbol, win));
      retry();
    }

    /** One attempt at every pending post, signal before its outcome; true when none is left. */
    boolean retry() throws Exception {
      var posts = pending.entrySet().iterator();
      while (posts.hasNext()) {
        var entry = posts.next();
        if (entry.getKey().startsWith("o/")
            && pending.containsKey("s" + entry.getKey().substring(1))) {
          continue; // its signal first
        }
        Post post = entry.getValue();
        Http.Answer answer;
        try {
          answer = http.post(stack.gateway() + post.path(), post.body(), botKey);
        } catch (IOException noAnswer) {
          // not acknowledged: the bot tries again (an awaited post fails on its bound)
          lastSeen.put("POST " + post.path(), "no answer (" + noAnswer + ")");
          continue;
        }
        String what = "POST " + post.path() + " " + post.body().get("signal_id");
        if (answer.status() == 202) {
          String state = answer.body().path("trading_state").asText("");
          if (!state.isEmpty() && !state.equals("HALTED") && post.symbol().equals("ES")) {
            breaches.add(what + ": accepted while halted, telling the bot " + describe(answer));
          }
          if (post.symbol().equals("ES")) {
            String topic = post.path().equals("/api/signals") ? topics.signals : topics.outcomes;
            firstPaused.merge(
                new TopicPartition(topic, answer.body().path("partition").asInt()),
                answer.body().path("offset").asLong(),
                Math::min);
          }
          acknowledged.add(post);
          posts.remove();
        } else if (!unavailableAsAllowed(answer)) {
          breaches.add(what + ": " + describe(answer));
        } else {
          lastSeen.put("POST " + post.path(), describe(answer));
        }
      }
      return pending.isEmpty();
    }

    void awaitAcknowledged(String what, Duration within) {
      try {
        Awaitility.await(what)
            .atMost(within)
            .pollInterval(Duration.ofSeconds(1))
            .until(this::retry);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            what
                + ": "
                + pending.size()
                + " posts never acknowledged within "
                + within
                + "; last "
                + lastSeen
                + "; breaches "
                + breaches,
            e);
      }
      assertNoBreaches(what);
    }

    Map<TopicPartition, Long> firstPausedOffsets() {
      return firstPaused;
    }

    /** The outcomes of {@code symbol} acknowledged so far. */
    long outcomes(String symbol) {
      return acknowledged.stream()
          .filter(p -> p.path().equals("/api/outcomes") && p.symbol().equals(symbol))
          .count();
    }

    long wins(String symbol) {
      return acknowledged.stream()
          .filter(p -> p.path().equals("/api/outcomes") && p.symbol().equals(symbol) && p.win())
          .count();
    }
  }
}
