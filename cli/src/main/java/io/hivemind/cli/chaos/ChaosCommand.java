package io.hivemind.cli.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hivemind.bench.Stack;
import io.hivemind.chaos.drill.ChaosDrill;
import io.hivemind.chaos.drill.ChaosDrill.DrillFailed;
import io.hivemind.chaos.drill.ChaosDrill.Verdict;
import io.hivemind.chaos.fault.Fault;
import io.hivemind.chaos.fault.FaultWindow;
import io.hivemind.chaos.oracle.Invariants.Check;
import io.hivemind.chaos.report.FaultCost;
import io.hivemind.cli.StackSettings;
import io.hivemind.cli.demo.FleetOptions;
import io.hivemind.replay.settings.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hivemind chaos}: a fault drill ({@link ChaosDrill}, RELIABILITY.md), or with {@code
 * --verify-only} the oracle alone. The exit code is the verdict: 0 every invariant held, 1 one
 * broke (or the stack was not there to drill), 2 a usage error.
 */
@Command(
    name = "chaos",
    sortOptions = false,
    defaultValueProvider = ChaosCommand.Defaults.class,
    description = {
      "Runs the simulated fleet against the running stack, injects faults on a schedule, and checks"
          + " the outcome against an oracle that reads the topics itself: every acknowledged event"
          + " stored, every trade counted once in user and community statistics, a halted user"
          + " never answered as active, no bare 5xx. Prints what each fault cost and exits 1 when"
          + " an invariant broke."
    },
    footer = {
      "",
      "The fleet takes the demo's options (./hivemind demo --help, all but --offline, --from, --to"
          + " and --events-out), with --bots 30 and --duration 5m unless given. Faults hit only"
          + " what ./hivemind started (its PID files), and ./hivemind up heals them. Run it on a"
          + " cluster (./hivemind up --brokers 3) to drill a broker fault while the others serve.",
      "Durations are a whole number and a unit: 500ms, 30s, 5m, 2h or 7d.",
      "Exit codes: 0 every invariant held, 1 an invariant broke or the stack was not there to"
          + " drill, 2 a usage error."
    })
public final class ChaosCommand implements Callable<Integer> {

  static final class Defaults extends FleetOptions.Defaults {
    Defaults() {
      super("30", "5m");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  CommandSpec spec;

  /** The command's model, with the faults listed at the end of its usage. */
  @Spec
  void spec(CommandSpec spec) {
    this.spec = spec;
    List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
    footer.add("");
    footer.add("Faults, in the order all drills them:");
    for (Fault fault : Fault.values()) {
      footer.add(String.format("  %-14s %s", fault.id(), fault.description()));
    }
    spec.usageMessage().footer(footer.toArray(String[]::new));
  }

  @Option(
      names = "--faults",
      paramLabel = "LIST",
      defaultValue = "all",
      description =
          "Comma-separated fault ids (listed below), in order, or all (default: ${DEFAULT-VALUE}).")
  String faults;

  @Option(
      names = "--recovery",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description =
          "How long one fault may take to be over: services ready and learning caught up"
              + " (default: ${DEFAULT-VALUE}).")
  Duration recovery;

  /**
   * Longer than a hanging transaction can last: the broker's longest transaction timeout (2 min in
   * the local stack) plus the watchdog's margin and one pass (ADR 14).
   */
  @Option(
      names = "--settle",
      paramLabel = "DURATION",
      defaultValue = "6m",
      description = "How long the end waits for learning to catch up (default: ${DEFAULT-VALUE}).")
  Duration settle;

  @Option(
      names = "--verify-only",
      description =
          "No fleet, no fault: wait for learning to catch up, then check the statistics against"
              + " the log (after a fault injected by hand).")
  boolean verifyOnly;

  @Option(
      names = "--json",
      description =
          "Print the verdict as one JSON object on standard output: held, every invariant, what"
              + " each fault cost, the report; the drill's progress goes to standard error.")
  boolean json;

  @Mixin FleetOptions fleet;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /** The clock of the drill: a test fixes it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    ChaosDrill.Settings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Stack stack = StackSettings.of(spec).stack();
    ChaosDrill drill = new ChaosDrill(settings, json ? err : out, err, clock);
    try {
      Verdict verdict = verifyOnly ? drill.verify(stack) : drill.drill(stack);
      if (json) {
        out.println(json(verdict));
      } else {
        out.println();
        out.print(verdict.report());
        out.printf("%nchaos: %s%n", verdict.held() ? "every invariant held" : "AN INVARIANT BROKE");
        verdict.reportFile().ifPresent(file -> out.println("chaos: report in " + file));
      }
      return verdict.held() ? 0 : 1;
    } catch (DrillFailed e) {
      err.println("chaos: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("chaos: interrupted");
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("chaos: " + e);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The options, checked: a usage error names the option. */
  ChaosDrill.Settings settings() {
    List<Fault> chosen;
    try {
      chosen = Fault.parseList(faults);
    } catch (IllegalArgumentException e) {
      throw FleetOptions.usage(spec, "--faults: " + e.getMessage());
    }
    atLeastASecond("--recovery", recovery);
    atLeastASecond("--settle", settle);
    return new ChaosDrill.Settings(
        chosen, recovery, settle, fleet.settings(spec, null, false, null, null));
  }

  private void atLeastASecond(String option, Duration value) {
    if (value.compareTo(Duration.ofSeconds(1)) < 0) {
      throw FleetOptions.usage(spec, option + " must be ≥ 1s, got " + Durations.format(value));
    }
  }

  /** The verdict as {@code --json} prints it. */
  static ObjectNode json(Verdict verdict) {
    ObjectNode root = JSON.createObjectNode();
    root.put("held", verdict.held());
    ArrayNode invariants = root.putArray("invariants");
    for (Check check : verdict.checks()) {
      invariants
          .addObject()
          .put("name", check.name())
          .put("held", check.held())
          .put("detail", check.detail());
    }
    ArrayNode faults = root.putArray("faults");
    for (FaultCost cost : verdict.costs()) {
      FaultWindow window = cost.window();
      ObjectNode fault = faults.addObject();
      fault.put("fault", window.fault().id());
      fault.put("target", window.target());
      fault.put("injected", text(window.injected()));
      fault.put("healed", text(window.healed()));
      fault.put("ready", text(window.ready()));
      fault.put("caught_up", text(window.caughtUp()));
      fault.put("note", window.note());
      fault.put("attempts", cost.attempts());
      fault.put("unavailable_503", cost.unavailable503());
      fault.put("no_answer", cost.noAnswer());
      fault.put("other_server_errors", cost.otherServerErrors());
      fault.put("error_window_ms", cost.errorWindow().toMillis());
    }
    root.put("report", verdict.report());
    root.put("report_file", verdict.reportFile().map(Object::toString).orElse(null));
    return root;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
