package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kill switch as operators and bots meet it on the local stack: commands refused without the
 * admin token or a reason, a fleet-wide pause reaching an open control stream and every confidence
 * answer, learning paused and resumed (across a learner restart) with nothing lost or learned
 * twice, and every command in the audit log. Every test, passed or failed, leaves the fleet ACTIVE
 * and learning RUNNING, as the other tests on the shared stack expect.
 */
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class KillSwitchEndToEndTest {

  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
  private static final Duration AFTER_RESTART_WITHIN = Duration.ofSeconds(90);

  /**
   * How long a paused learner must show nothing new. An outcome is visible in the stats within 0.35
   * s when learning runs (docs/demo.md, freshness p99/max), so this is ten times that at least.
   */
  private static final Duration HOLD = Duration.ofSeconds(4);

  private static final String LEARNER = "learner-streams";
  private static LocalStack stack;
  private static Operator operator;
  private final Http http = new Http();

  @BeforeAll
  static void useStack(LocalStack shared) throws Exception {
    stack = shared;
    operator = new Operator(new Http(), stack.gateway(), stack.adminKey(), LocalStack.OPERATOR);
  }

  /** Whatever a failed test left behind, the next test gets a trading, learning fleet. */
  @AfterEach
  void leaveTheFleetTradingAndLearning() throws Exception {
    JsonNode fleet = operator.get("/api/maintenance/status").body();
    if (!fleet.path("trading_state").asText().equals("ACTIVE")) {
      operator.command("/api/emergency/resume_all", "e2e: leave the fleet trading");
    }
    if (!fleet.path("learning").asText().equals("RUNNING")) {
      operator.command("/api/learning/resume", "e2e: leave the fleet learning");
    }
    try {
      http.get(stack.learner() + "/api/learning");
    } catch (IOException notRunning) {
      stack.start(LEARNER); // a restart that failed half-way
    }
  }

  private static String newUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String reason(String what) {
    return "e2e " + what + " " + UUID.randomUUID();
  }

  // ---------------------------------------------------------------- (a) refused commands

  @Test
  void shouldRefuseCommandsWithoutAnAdminKeyOrAReasonAndAuditNone() throws Exception {
    String refused = reason("refused pause");
    Map<String, String> body = Map.of("reason", refused);
    String pauseAll = stack.gateway() + "/api/emergency/pause_all";

    Http.Answer noKey = http.post(pauseAll, body);
    Http.Answer unknownKey = http.post(pauseAll, body, Http.bearer("hm_aaaaaaaaaaaa_not-a-key"));
    Http.Answer auditWithoutKey = http.get(stack.gateway() + "/api/audit?limit=10");
    Http.Answer botKey = http.post(pauseAll, body, Http.bearer(stack.botKey(newUser())));
    Http.Answer noReason = operator.command("/api/emergency/pause_all", Map.of());
    Http.Answer blankReason = operator.command("/api/learning/pause", "  ");
    Http.Answer tradingWithoutReason =
        operator.command("/api/control/trading", Map.of("scope", "global", "state", "HALTED"));

    for (Http.Answer unauthorized : List.of(noKey, unknownKey, auditWithoutKey)) {
      assertThat(unauthorized.status()).as(unauthorized.body().toString()).isEqualTo(401);
      assertThat(unauthorized.contentType()).startsWith("application/problem+json");
    }
    assertThat(botKey.status()).as(botKey.body().toString()).isEqualTo(403);
    for (Http.Answer invalid : List.of(noReason, blankReason, tradingWithoutReason)) {
      assertThat(invalid.status()).as(invalid.body().toString()).isEqualTo(400);
      assertThat(invalid.contentType()).startsWith("application/problem+json");
      assertThat(invalid.body().get("violations").findValuesAsText("field")).contains("reason");
    }

    // a command that is accepted (it touches one fresh user only) is audited after the refused
    // ones would have been: they are not there, and the fleet still trades and learns
    JsonNode accepted =
        issued(
            operator.command(
                "/api/control/trading",
                Map.of(
                    "scope",
                    "user:" + newUser(),
                    "state",
                    "ACTIVE",
                    "reason",
                    reason("accepted"))));
    assertAudited(List.of(accepted));
    assertThat(audit().findValuesAsText("reason")).doesNotContain(refused);
    JsonNode fleet = operator.get("/api/maintenance/status").body();
    assertThat(fleet.get("trading_state").asText()).isEqualTo("ACTIVE");
    assertThat(fleet.get("learning").asText()).isEqualTo("RUNNING");
  }

  // ---------------------------------------------------------------- (b) pause_all / resume_all

  @Test
  void shouldPushPauseAllToAnOpenStreamAndIntoEveryConfidenceAnswer() throws Exception {
    String user = newUser();
    List<JsonNode> commands = new ArrayList<>();
    try (ControlStream stream =
        ControlStream.open(
            stack.gateway() + "/api/control/stream?user_id=" + user, stack.botKey(user))) {
      awaitStreamed(stream, 0, "ACTIVE");
      assertThat(stream.events().get(0).name()).isEqualTo("control");
      awaitConfidence(user, "ACTIVE", true);

      int mark = stream.size();
      commands.add(issued(operator.command("/api/emergency/pause_all", reason("pause_all"))));
      JsonNode paused = awaitStreamed(stream, mark, "REDUCING");
      assertThat(paused.get("take_new_entries").asBoolean()).isFalse();
      awaitConfidence(user, "REDUCING", false);
      JsonNode status =
          http.get(
                  stack.gateway() + "/api/maintenance/status?user_id=" + user,
                  Http.bearer(stack.botKey(user)))
              .body();
      assertThat(status.get("trading_state").asText()).isEqualTo("REDUCING");

      mark = stream.size();
      commands.add(issued(operator.command("/api/emergency/resume_all", reason("resume_all"))));
      JsonNode resumed = awaitStreamed(stream, mark, "ACTIVE");
      assertThat(resumed.get("take_new_entries").asBoolean()).isTrue();
      awaitConfidence(user, "ACTIVE", true);
    }
    assertThat(commands.get(0).at("/after/state").asText()).isEqualTo("REDUCING");
    assertThat(commands.get(1).at("/after/state").asText()).isEqualTo("ACTIVE");
    // resume_all replaced exactly what pause_all set
    assertThat(commands.get(1).at("/before/command_id"))
        .isEqualTo(commands.get(0).get("command_id"));
    assertAudited(commands);
  }

  private static JsonNode awaitStreamed(ControlStream stream, int from, String state) {
    Awaitility.await("a control event with trading_state " + state)
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> stream.firstWithState(from, state).isPresent());
    return stream.firstWithState(from, state).orElseThrow().data();
  }

  /** With threshold 0 a bot may take the trade exactly when its trading state allows entries. */
  private void awaitConfidence(String user, String state, boolean takeTrade) {
    JsonNode[] seen = new JsonNode[1];
    Awaitility.await("win_probability with trading_state " + state)
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(
            () -> {
              seen[0] = confidence(user);
              return seen[0].get("trading_state").asText().equals(state);
            });
    assertThat(seen[0].get("take_trade").asBoolean()).as(seen[0].toString()).isEqualTo(takeTrade);
  }

  private JsonNode confidence(String user) throws Exception {
    Http.Answer answer =
        http.get(
            stack.query()
                + "/api/ml/win_probability?user_id="
                + user
                + "&symbol=ES&side=LONG&rsi=34.2&vwap_z=-2.15&threshold=0",
            Http.bearer(stack.botKey(user)));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  // ---------------------------------------------------------------- (c) learning pause / resume

  @Test
  void shouldHoldEventsWhileLearningIsPausedEvenAcrossARestartAndLearnThemOnceAfter()
      throws Exception {
    String user = newUser();
    int trades = 100;
    int wins = 37;
    // the pipeline learns this user's trades while learning runs
    trade(user, "NQ", 0, 1, true);
    awaitLongTrades(user, "NQ", 1);
    JsonNode before = stats(user, "ES");
    assertThat(learning()).isEqualTo("RUNNING");

    List<JsonNode> commands = new ArrayList<>();
    commands.add(issued(operator.command("/api/learning/pause", reason("learning pause"))));
    awaitLearning("PAUSED");
    awaitConfidenceLearning(user, "PAUSED");

    for (int i = 0; i < trades; i++) {
      trade(user, "ES", i, trades, i < wins); // each POST answered 202: in Kafka
    }
    assertStatsHeld(user, before);

    // a learner started while learning is paused is ready (./hivemind start waits for that) and
    // does not start learning
    stack.stop(LEARNER);
    stack.start(LEARNER);
    assertThat(learning()).isEqualTo("PAUSED");
    assertStatsHeld(user, before);

    commands.add(issued(operator.command("/api/learning/resume", reason("learning resume"))));
    awaitLearning("RUNNING");

    // the restarted learner gets its tasks once its old member's session expired, then restores
    JsonNode learned = awaitLongTrades(user, "ES", trades, AFTER_RESTART_WITHIN);
    assertThat(learned.get("wins").asLong()).isEqualTo(wins);
    assertThat(learned.get("losses").asLong()).isEqualTo(trades - wins);
    // a later trade of the same user (same partition) is learned after the whole backlog: by
    // then nothing was learned twice
    trade(user, "NQ", 1, 1, false);
    awaitLongTrades(user, "NQ", 2);
    JsonNode after = stats(user, "ES").at("/sides/LONG");
    assertThat(after.get("trades").asLong()).isEqualTo(trades);
    assertThat(after.get("wins").asLong()).isEqualTo(wins);
    awaitConfidenceLearning(user, "RUNNING");
    assertThat(commands.get(0).at("/after/state").asText()).isEqualTo("PAUSED");
    assertThat(commands.get(1).at("/after/state").asText()).isEqualTo("RUNNING");
    assertAudited(commands);
  }

  /** POSTs the signal and outcome of trade {@code i} of {@code user} on {@code symbol}. */
  private void trade(String user, String symbol, int i, int of, boolean win) throws Exception {
    String id = user + "-" + symbol + "-" + i;
    Instant at = Instant.now().minusSeconds(60L * (of - i) + 600);
    String[] key = Http.bearer(stack.botKey(user));
    Http.Answer signal =
        http.post(stack.gateway() + "/api/signals", BotEvents.signal(user, id, symbol, at), key);
    Http.Answer outcome =
        http.post(
            stack.gateway() + "/api/outcomes", BotEvents.outcome(user, id, symbol, at, win), key);
    assertThat(signal.status()).as(signal.body().toString()).isEqualTo(202);
    assertThat(outcome.status()).as(outcome.body().toString()).isEqualTo(202);
  }

  private JsonNode stats(String user, String symbol) throws Exception {
    Http.Answer answer =
        http.get(
            stack.query() + "/api/ml/stats?user_id=" + user + "&symbol=" + symbol,
            Http.bearer(stack.botKey(user)));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  private JsonNode awaitLongTrades(String user, String symbol, long trades) {
    return awaitLongTrades(user, symbol, trades, VISIBLE_WITHIN);
  }

  private JsonNode awaitLongTrades(String user, String symbol, long trades, Duration within) {
    JsonNode[] seen = new JsonNode[1];
    Awaitility.await(user + " " + symbol + " stats with " + trades + " LONG trades")
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () -> {
              seen[0] = stats(user, symbol).at("/sides/LONG");
              return seen[0].get("trades").asLong() == trades;
            });
    return seen[0];
  }

  /** The stats stay exactly as they were for {@link #HOLD}. */
  private void assertStatsHeld(String user, JsonNode before) {
    Awaitility.await(user + " ES stats unchanged while learning is paused")
        .during(HOLD)
        .atMost(HOLD.plusSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> stats(user, "ES").equals(before));
  }

  /** What the learner instance does, as it reports it. */
  private String learning() throws Exception {
    Http.Answer answer = http.get(stack.learner() + "/api/learning");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body().get("learning").asText();
  }

  private void awaitLearning(String state) {
    Awaitility.await("the learner reporting learning " + state)
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(() -> learning().equals(state));
  }

  private void awaitConfidenceLearning(String user, String state) {
    Awaitility.await("win_probability with learning " + state)
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(() -> confidence(user).get("learning").asText().equals(state));
  }

  // ---------------------------------------------------------------- (d) the audit log

  /** Checks a command's answer and returns it. */
  private static JsonNode issued(Http.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode command = answer.body();
    assertThat(command.get("command_id").asText()).isNotBlank();
    assertThat(command.get("actor").asText()).isEqualTo(operator.actor());
    assertThat(command.get("reason").asText()).startsWith("e2e ");
    assertThat(Instant.parse(command.get("issued_at").asText()))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    assertThat(command.get("after").isObject()).as(command.toString()).isTrue();
    return command;
  }

  private JsonNode audit() throws Exception {
    Http.Answer answer = operator.get("/api/audit?limit=1000");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().get("count").asInt()).isEqualTo(answer.body().get("commands").size());
    return answer.body().get("commands");
  }

  /**
   * Every command, as it was answered (id, command, scope, actor, reason, issued_at), is in the
   * audit log, newest first.
   */
  private void assertAudited(List<JsonNode> commands) {
    JsonNode[] audit = new JsonNode[1];
    List<Integer> positions = new ArrayList<>();
    Awaitility.await("the audit log listing " + commands.size() + " commands")
        .atMost(VISIBLE_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              audit[0] = audit();
              List<String> ids = new ArrayList<>();
              audit[0].forEach(entry -> ids.add(entry.get("command_id").asText()));
              positions.clear();
              for (JsonNode command : commands) {
                positions.add(ids.indexOf(command.get("command_id").asText()));
              }
              return !positions.contains(-1);
            });
    for (int i = 0; i < commands.size(); i++) {
      JsonNode command = toMillis(commands.get(i));
      JsonNode entry = toMillis(audit[0].get(positions.get(i)));
      for (String field : List.of("command", "scope", "actor", "reason", "issued_at", "after")) {
        assertThat(entry.get(field)).as(field + " of " + command).isEqualTo(command.get(field));
      }
      if (i > 0) {
        assertThat(positions.get(i)).as("newest first").isLessThan(positions.get(i - 1));
      }
    }
  }

  /**
   * The command's answer carries its instants to the nanosecond, the audit log as stored (Avro
   * timestamp-millis): they are compared to the millisecond.
   */
  private static JsonNode toMillis(JsonNode node) {
    JsonNode copy = node.deepCopy();
    truncate((ObjectNode) copy, "issued_at");
    if (copy.get("after") instanceof ObjectNode after) {
      truncate(after, "updated_at");
    }
    return copy;
  }

  private static void truncate(ObjectNode node, String field) {
    if (node.hasNonNull(field)) {
      Instant at = Instant.parse(node.get(field).asText());
      node.put(field, at.truncatedTo(ChronoUnit.MILLIS).toString());
    }
  }
}
