package io.hivemind.replay.cli;

import io.hivemind.replay.CodeVersion;
import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayOutput;
import io.hivemind.replay.ReplayResult;
import io.hivemind.replay.report.ReplayReport.ThresholdResult;
import io.hivemind.replay.report.ReplayReport.VariantResult;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.SettingsValidator;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.KafkaEnvironment;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code ./hivemind replay}: checks the settings against the log, walks it with progress on stderr,
 * writes the report files and prints the results side by side. Exit status 0 when the report is
 * written, 2 for bad arguments (the message names the option), 1 when the run fails.
 */
public final class ReplayMain {

  private ReplayMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    if (args.length > 0 && args[0].equals("walk-forward")) {
      return WalkForwardMain.run(
          Arrays.copyOfRange(args, 1, args.length), out, err, () -> replay(env));
    }
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      out.print(ReplayArguments.USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      ReplayArguments arguments = ReplayArguments.parse(args);
      ReplaySettings settings = SettingsValidator.validate(arguments.request());
      Replay replay = replay(env);
      Replay.Plan plan = replay.plan(settings);
      err.printf("replaying %,d records into %s%n", plan.records(), arguments.out());
      ReplayResult result = replay.run(plan, progress -> err.println("  " + progress), () -> false);
      ReplayOutput.write(settings, result, arguments.out());
      print(result, out);
      out.println(
          "Wrote "
              + arguments.out().resolve(ReplayOutput.REPORT_JSON)
              + ", "
              + ReplayOutput.REPORT_HTML
              + " and "
              + ReplayOutput.DECISIONS_CSV);
      return 0;
    } catch (InvalidSettingsException e) {
      e.violations().forEach(violation -> err.println("replay: " + violation));
      err.print(ReplayArguments.USAGE);
      return 2;
    } catch (Exception e) {
      err.println("replay failed: " + e);
      return 1;
    }
  }

  /** The stack's Kafka (as every tool reads it, secured clusters included) and registry. */
  static Replay replay(Map<String, String> env) {
    KafkaEnvironment kafka = KafkaEnvironment.from(env);
    String registry =
        env.getOrDefault(
            "HIVEMIND_REGISTRY_URL",
            "http://127.0.0.1:" + env.getOrDefault("REGISTRY_PORT", "8085") + "/apis/registry/v3");
    return new Replay(
        kafka.connection(), AvroSerdes.registry(registry), kafka.topics(), CodeVersion.current());
  }

  private static void print(ReplayResult result, PrintStream out) {
    out.println();
    out.printf(
        "%-24s %8s %8s %10s %8s %9s %12s %12s %8s%n",
        "", "taken", "skipped", "no outcome", "trades", "win rate", "P&L", "drawdown", "Sharpe");
    for (VariantResult variant : result.report().results()) {
      out.printf(
          "half-life %s, scheme %s: %,d signals, Brier %.4f%n",
          variant.halfLife(), variant.scheme(), variant.signals(), variant.brierScore());
      row(out, "  live", "", "", "", variant.live());
      for (ThresholdResult threshold : variant.thresholds()) {
        row(
            out,
            "  threshold " + threshold.threshold(),
            String.valueOf(threshold.taken()),
            String.valueOf(threshold.skipped()),
            String.valueOf(threshold.takenWithoutOutcome()),
            threshold.performance());
      }
    }
    out.println();
  }

  private static void row(
      PrintStream out,
      String label,
      String taken,
      String skipped,
      String unknown,
      io.hivemind.replay.report.ReplayReport.Performance performance) {
    out.printf(
        "%-24s %8s %8s %10s %8d %8.1f%% %12.2f %12.2f %8.3f%n",
        label,
        taken,
        skipped,
        unknown,
        performance.trades(),
        performance.winRate() * 100,
        performance.pnl(),
        performance.maxDrawdown(),
        performance.sharpePerTrade());
  }
}
