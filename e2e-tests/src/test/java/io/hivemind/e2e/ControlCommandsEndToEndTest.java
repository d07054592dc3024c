package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control commands as an operator types them, {@code ./hivemind <command>} (the Java CLI),
 * against the stack's gateway and broker: each changes what the gateway reports and is audited with
 * its reason; {@code --json} prints the answer; a usage error exits 2 and sends nothing; a gateway
 * that is not there exits 1; every command has help.
 */
@ExtendWith(LocalStack.Shared.class)
class ControlCommandsEndToEndTest {

  private static LocalStack stack;
  private final Http http = new Http();

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  @Test
  void haltPauseAndResumeAUserThroughTheCliAuditedWithTheirReasons() throws Exception {
    String user = "cli-" + UUID.randomUUID().toString().substring(0, 8);
    String reason = "cli test " + user;

    JsonNode halted =
        json(stack.hivemind("halt", "--scope", "user:" + user, "--reason", reason, "--json"));
    assertThat(halted.path("after").path("state").asText()).isEqualTo("HALTED");
    assertThat(status(user)).isEqualTo("HALTED");

    String paused = stack.hivemind("pause", "--scope", "user:" + user, "--reason", reason);
    assertThat(paused)
        .contains("on user:" + user + " by key:")
        .contains("-- " + reason)
        .contains("before: HALTED")
        .contains("now:    REDUCING");
    assertThat(status(user)).isEqualTo("REDUCING");

    stack.hivemind("resume", "--scope", "user:" + user, "--reason", reason);
    assertThat(status(user)).isEqualTo("ACTIVE");

    JsonNode audit = json(stack.hivemind("audit", "--limit", "20", "--json"));
    long ours = 0;
    for (JsonNode command : audit.path("commands")) {
      if (command.path("reason").asText().equals(reason)) {
        ours++;
        assertThat(command.path("scope").asText()).isEqualTo("user:" + user);
      }
    }
    assertThat(ours).isEqualTo(3);
    assertThat(stack.hivemind("state")).contains("Control (", "fleet: trading");
  }

  @Test
  void maintenanceAndAScheduleAreSetShownAndClearedThroughTheCli() throws Exception {
    String user = "cli-" + UUID.randomUUID().toString().substring(0, 8);
    String scope = "user:" + user;
    try {
      stack.hivemind("maintenance", "on", "--scope", scope, "--reason", "cli maintenance");
      assertThat(status(user)).isEqualTo("HALTED");
    } finally {
      stack.hivemind("maintenance", "off", "--scope", scope, "--reason", "cli maintenance done");
    }
    assertThat(status(user)).isEqualTo("ACTIVE");

    stack.hivemind(
        "schedule",
        "set",
        "--scope",
        scope,
        "--zone",
        "America/New_York",
        "--open",
        "9:30",
        "--close",
        "16:00",
        "--days",
        "MON-FRI",
        "--holidays",
        "2026-12-25",
        "--window",
        "2030-01-01T00:00:00Z/2030-01-01T01:00:00Z",
        "--reason",
        "cli schedule");
    String shown = stack.hivemind("schedule", "show", "--scope", scope);
    assertThat(shown)
        .contains("trading hours: America/New_York 09:30-16:00 MON,TUE,WED,THU,FRI")
        .contains("holidays: 2026-12-25")
        .contains("maintenance: 2030-01-01T00:00:00Z to 2030-01-01T01:00:00Z");

    stack.hivemind("schedule", "clear", "--scope", scope, "--reason", "cli schedule done");
    // cleared: the scope's schedule is kept as a setting with no hours and no windows
    JsonNode cleared =
        json(stack.hivemind("schedule", "show", "--scope", scope, "--json")).path("schedules");
    assertThat(cleared).hasSize(1);
    assertThat(cleared.get(0).path("trading_hours").isNull()).isTrue();
    assertThat(cleared.get(0).path("maintenance_windows")).isEmpty();
    assertThat(stack.hivemind("schedule", "show", "--scope", scope))
        .contains("trading hours: none")
        .doesNotContain("maintenance:");
  }

  @Test
  void aUsageErrorExitsTwoAndSendsNothingAnUnreachableGatewayExitsOne() throws Exception {
    String user = "cli-" + UUID.randomUUID().toString().substring(0, 8);

    LocalStack.Finished badScope =
        stack.attempt("halt", "--scope", "planet:" + user, "--reason", "never sent");
    LocalStack.Finished noReason = stack.attempt("halt", "--scope", "user:" + user);
    LocalStack.Finished unreachable =
        stack.attempt(Map.of("HIVEMIND_GATEWAY_URL", "http://127.0.0.1:1"), "state");

    assertThat(badScope.status()).as(badScope.output()).isEqualTo(2);
    assertThat(badScope.output()).contains("--scope must be global, tier:T, user:U or symbol:S");
    assertThat(noReason.status()).as(noReason.output()).isEqualTo(2);
    assertThat(noReason.output()).contains("--reason");
    assertThat(status(user)).isEqualTo("ACTIVE");
    assertThat(stack.hivemind("audit", "--limit", "50")).doesNotContain("never sent");
    assertThat(unreachable.status()).as(unreachable.output()).isEqualTo(1);
    assertThat(unreachable.output()).contains("cannot reach the gateway at http://127.0.0.1:1");
  }

  @Test
  void everyCommandOfTheLauncherPrintsItsHelpAndExitsZero() throws Exception {
    // the launcher's own commands, then every command it hands to the Java CLI
    for (String command :
        List.of(
            "up",
            "down",
            "status",
            "start",
            "stop",
            "logs",
            "pause",
            "resume",
            "halt",
            "force-close",
            "maintenance",
            "learning",
            "schedule set",
            "audit",
            "state",
            "keys create",
            "bench",
            "bench ingest",
            "demo",
            "chaos",
            "replay",
            "replay walk-forward")) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add("--help");
      LocalStack.Finished help = stack.attempt(args.toArray(String[]::new));
      assertThat(help.status()).as(command + ": " + help.output()).isZero();
      assertThat(help.output()).as(command).containsPattern("Usage: (\\./)?hivemind " + command);
    }
  }

  /** The user's trading state as the gateway reports it to its bot. */
  private String status(String user) throws Exception {
    return http.get(
            stack.gateway() + "/api/maintenance/status?user_id=" + user,
            Http.bearer(stack.adminKey()))
        .body()
        .path("trading_state")
        .asText();
  }

  private static JsonNode json(String output) throws Exception {
    String line = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    return Http.JSON.readTree(line);
  }
}
