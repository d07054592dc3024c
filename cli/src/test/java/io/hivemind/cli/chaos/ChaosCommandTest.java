package io.hivemind.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.chaos.drill.ChaosDrill;
import io.hivemind.chaos.drill.ChaosDrill.Verdict;
import io.hivemind.chaos.fault.Fault;
import io.hivemind.chaos.fault.FaultWindow;
import io.hivemind.chaos.oracle.Invariants.Check;
import io.hivemind.chaos.report.FaultCost;
import io.hivemind.cli.CommandLines;
import io.hivemind.cli.CommandLines.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./hivemind chaos}: its options and the fleet's (with the drill's defaults), usage errors
 * (exit 2) naming the option before anything runs, a stack that is not there (exit 1), and the
 * verdict as {@code --json} prints it.
 */
@Timeout(60)
class ChaosCommandTest {

  private static ChaosDrill.Settings settings(String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "chaos";
    System.arraycopy(args, 0, line, 1, args.length);
    return CommandLines.parse(ChaosCommand.class, Map.of(), line).settings();
  }

  private static Run chaos(Map<String, String> env, String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "chaos";
    System.arraycopy(args, 0, line, 1, args.length);
    return CommandLines.run(env, line);
  }

  /** Nothing listens there: a drill that ran by mistake could not touch a stack. */
  @TempDir static Path home;

  private static Run chaos(String... args) {
    return chaos(
        Map.of(
            "GATEWAY_PORT", "1",
            "QUERY_PORT", "2",
            "LEARNER_PORT", "3",
            "REGISTRY_PORT", "4",
            "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:5",
            "HIVEMIND_HOME", home.toString()),
        args);
  }

  @Test
  void shouldDrillEveryFaultWithThirtyBotsForFiveMinutesByDefault() {
    ChaosDrill.Settings settings = settings();

    assertThat(settings.faults()).containsExactly(Fault.values());
    assertThat(settings.recovery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.settle()).isEqualTo(Duration.ofMinutes(6));
    assertThat(settings.fleet().bots()).isEqualTo(30);
    assertThat(settings.fleet().duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.fleet().offline()).isFalse();
    assertThat(settings.fleet().eventsOut()).isNull();
    assertThat(settings.fleet().gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
  }

  @Test
  void shouldTakeItsOwnOptionsAndTheFleetsInBothSpellings() {
    ChaosDrill.Settings settings =
        settings(
            "--faults",
            "kill-learner,pause-broker",
            "--bots=12",
            "--duration",
            "90s",
            "--seed",
            "13",
            "--settle=2m",
            "--recovery",
            "3m");

    assertThat(settings.faults()).containsExactly(Fault.KILL_LEARNER, Fault.PAUSE_BROKER);
    assertThat(settings.fleet().bots()).isEqualTo(12);
    assertThat(settings.fleet().duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.fleet().seed()).isEqualTo(13);
    assertThat(settings.settle()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.recovery()).isEqualTo(Duration.ofMinutes(3));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--faults kill-everything | --faults: unknown fault 'kill-everything': one of",
        "--settle 10              | Invalid value for option '--settle'",
        "--recovery 500ms         | --recovery must be ≥ 1s, got 500ms",
        "--bots 0                 | --bots must be between 1 and 10000, got 0",
        "--duration=1h --speed=1000 | 41.7 simulated days",
        "--offline                | Unknown option: '--offline'",
        "--events-out x.jsonl     | '--events-out'",
        "--json=maybe             | Invalid value for option '--json'",
      })
  void shouldRefuseBadOptionsAsUsageErrorsNamingTheOption(String line, String message) {
    Run run = chaos(line.split(" "));

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("Usage: hivemind chaos");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldNameTheKnownFaultsWhenOneIsUnknown() {
    Run run = chaos("--faults", "kill-everything");

    assertThat(run.err()).contains("pause-broker");
  }

  @Test
  void shouldPrintEveryOptionAndEveryFaultAndExitZero() {
    Run help = chaos("--help");
    Run helpCommand = CommandLines.run(Map.of(), "help", "chaos");

    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(help.out()).startsWith("Usage: hivemind chaos [-h] [--json] [--verify-only]");
    for (String option :
        List.of(
            "--faults=LIST",
            "--recovery=DURATION",
            "--settle=DURATION",
            "--verify-only",
            "--json",
            "--bots=N",
            "--duration=DURATION",
            "--speed=X",
            "--seed=S",
            "--gateway=URL",
            "--query=URL")) {
      assertThat(help.out()).contains(option);
    }
    for (Fault fault : Fault.values()) {
      assertThat(help.out()).contains("  " + fault.id() + " ");
    }
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("(default: all)")
        .contains("(default: 5m)")
        .contains("(default: 6m)")
        .contains("(default: 30)")
        .doesNotContain("${DEFAULT-VALUE}");
    assertThat(helpCommand.exit()).isZero();
    assertThat(helpCommand.out()).isEqualTo(help.out());
  }

  @Test
  void shouldExitWithOneWhenTheStackIsNotThereToDrill(@TempDir Path home) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("GATEWAY_PORT", String.valueOf(port));
    env.put("QUERY_PORT", String.valueOf(port));
    env.put("HIVEMIND_HOME", home.toString());

    Run run = chaos(env, "--bots", "1", "--duration", "1m");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("chaos: ")
        .contains("http://127.0.0.1:" + port + "/q/health/ready")
        .contains("start the stack first: ./hivemind up")
        .doesNotContain("Usage");
  }

  @Test
  void shouldPrintTheVerdictAsOneJsonObject() throws IOException {
    Instant injected = Instant.parse("2026-12-02T10:00:20Z");
    FaultWindow window =
        new FaultWindow(
            Fault.KILL_LEARNER,
            "learner-streams (pid 4711)",
            injected,
            injected.plusSeconds(3),
            injected.plusSeconds(9),
            null,
            null);
    Verdict verdict =
        new Verdict(
            List.of(
                new Check("a halt is never read as active", true, "0 of 12 answers"),
                new Check("no bare 5xx", false, "2 answers were 500")),
            List.of(new FaultCost(window, 120, 7, 1, 0, Duration.ofMillis(4200))),
            "## Invariants\n",
            Optional.of(Path.of("/tmp/report.md")));

    JsonNode json = new ObjectMapper().readTree(ChaosCommand.json(verdict).toString());

    assertThat(json.get("held").asBoolean()).isFalse();
    assertThat(json.at("/invariants/1/name").asText()).isEqualTo("no bare 5xx");
    assertThat(json.at("/invariants/1/held").asBoolean()).isFalse();
    assertThat(json.at("/invariants/0/detail").asText()).isEqualTo("0 of 12 answers");
    assertThat(json.at("/faults/0/fault").asText()).isEqualTo("kill-learner");
    assertThat(json.at("/faults/0/injected").asText()).isEqualTo("2026-12-02T10:00:20Z");
    assertThat(json.at("/faults/0/caught_up").isNull()).isTrue();
    assertThat(json.at("/faults/0/unavailable_503").asLong()).isEqualTo(7);
    assertThat(json.at("/faults/0/error_window_ms").asLong()).isEqualTo(4200);
    assertThat(json.get("report").asText()).isEqualTo("## Invariants\n");
    assertThat(json.get("report_file").asText()).isEqualTo("/tmp/report.md");
  }
}
