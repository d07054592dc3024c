package io.hivemind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line without a stack: help everywhere, usage errors (exit 2) before anything is sent,
 * an unreachable gateway (exit 1), and the readable views of the gateway's answers.
 */
class HivemindTest {

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Hivemind.run(StackSettings.from(env), args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  private Run run(String... args) {
    return run(Map.of("GATEWAY_PORT", "1"), args);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--help",
        "pause --help",
        "resume --help",
        "halt --help",
        "force-close --help",
        "maintenance --help",
        "maintenance on --help",
        "maintenance off --help",
        "learning --help",
        "learning pause --help",
        "learning resume --help",
        "schedule --help",
        "schedule show --help",
        "schedule set --help",
        "schedule clear --help",
        "audit --help",
        "state --help",
        "keys --help",
        "keys create --help",
        "keys revoke --help",
        "keys list --help",
        "bench --help",
        "demo --help",
        "chaos --help",
        "replay --help",
        "replay walk-forward --help",
        "help halt"
      })
  void shouldPrintHelpForEveryCommandAndExitZero(String command) {
    Run run = run(command.split(" "));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Usage: hivemind");
  }

  @Test
  void shouldRefuseAMissingReasonABadScopeAndBadDaysAsUsageErrorsBeforeSendingAnything() {
    Run noReason = run("halt", "--scope", "user:alice");
    Run badScope = run("halt", "--scope", "planet:mars", "--reason", "x");
    Run blankReason = run("pause", "--reason", "  ");
    Run badDays =
        run(
            "schedule",
            "set",
            "--scope",
            "global",
            "--reason",
            "x",
            "--zone",
            "UTC",
            "--open",
            "09:00",
            "--close",
            "17:00",
            "--days",
            "MON-FUN");
    Run badLimit = run("audit", "--limit", "0");
    Run unknown = run("explode");

    assertThat(noReason.exit()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");
    assertThat(badScope.exit()).isEqualTo(2);
    assertThat(badScope.err()).contains("--scope must be global, tier:T, user:U or symbol:S");
    assertThat(blankReason.exit()).isEqualTo(2);
    assertThat(badDays.exit()).isEqualTo(2);
    assertThat(badDays.err()).contains("'MON-FUN' is not a day");
    assertThat(badLimit.exit()).isEqualTo(2);
    assertThat(unknown.exit()).isEqualTo(2);
  }

  @Test
  void shouldRefuseABadKeysCommandLineBeforeAskingKafka() {
    // no Kafka listens on port 1: a usage error must be found before it is asked
    Map<String, String> nowhere = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
    Run badUser = run(nowhere, "keys", "create", "--user", "a b", "--tier", "pro");
    Run badTier = run(nowhere, "keys", "create", "--user", "u1", "--tier", "platinum");
    Run noTier = run(nowhere, "keys", "create", "--user", "u1");
    Run badKey = run(nowhere, "keys", "revoke", "hm_notakey_TOPSECRETVALUE");

    assertThat(badUser.exit()).isEqualTo(2);
    assertThat(badUser.err()).contains("--user must be 1-64 letters");
    assertThat(badTier.exit()).isEqualTo(2);
    assertThat(badTier.err()).contains("--tier").contains("platinum");
    assertThat(noTier.exit()).isEqualTo(2);
    assertThat(badKey.exit()).isEqualTo(2);
    assertThat(badKey.err()).contains("not a key id").doesNotContain("TOPSECRETVALUE");
  }

  @Test
  void shouldSayTheGatewayCannotBeReachedAndExitOne() throws Exception {
    Path home = Files.createTempDirectory("hivemind-home");
    Files.writeString(home.resolve("admin.key"), "hm_abcdefghijkl_" + "x".repeat(30) + "\n");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    Run run =
        run(
            Map.of("GATEWAY_PORT", String.valueOf(port), "HIVEMIND_HOME", home.toString()),
            "halt",
            "--reason",
            "drill");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("halt: cannot reach the gateway at http://127.0.0.1:" + port);
  }

  @Test
  void shouldSayWhatIsWrongWithAMissingAdminKey() throws Exception {
    Path home = Files.createTempDirectory("hivemind-home");

    Run run = run(Map.of("HIVEMIND_HOME", home.toString()), "state");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no admin key at " + home.resolve("admin.key"));
  }

  @Test
  void shouldShowACommandsAnswerOnSafeLines() throws Exception {
    JsonNode answer =
        Gateway.JSON.readTree(
            """
            {"command":"trading.halted","scope":"user:alice","actor":"key:abc/ops",
             "reason":"risk\\u001b[2J check","command_id":"c-1",
             "before":null,"after":{"scope":"user:alice","aspect":"trading","state":"HALTED"}}
            """);

    assertThat(Views.commandAnswer(answer))
        .containsExactly(
            "trading.halted on user:alice by key:abc/ops -- risk [2J check (command c-1)",
            "  before: not set",
            "  now:    HALTED");
  }

  @Test
  void shouldShowASchedulesHoursDaysAndWindows() throws Exception {
    JsonNode setting =
        Gateway.JSON.readTree(
            """
            {"scope":"tier:basic","aspect":"schedule","trading_hours":{"time_zone":"America/New_York",
             "open":"09:30","close":"16:00","weekdays":["MONDAY","TUESDAY"],"holidays":["2026-12-25"]},
             "maintenance_windows":[{"start":"a","end":"b"},{"start":"c","end":"d"}]}
            """);

    assertThat(Views.value(setting))
        .isEqualTo("America/New_York 09:30-16:00 MON,TUE, 1 holiday, 2 maintenance windows");
  }

  @Test
  void shouldShowAProblemsDetailAndEachViolation() {
    assertThat(
            Views.problemLines(
                "{\"title\":\"Invalid request\",\"detail\":\"1 field is invalid\","
                    + "\"violations\":[{\"field\":\"reason\",\"message\":\"is required\"}]}"))
        .containsExactly("1 field is invalid", "  reason: is required");
    assertThat(Views.problemLines("<html>502</html>")).containsExactly("<html>502</html>");
  }
}
