package io.hivemind.replay.cli;

import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayOutput;
import io.hivemind.replay.report.ReplayReport.Performance;
import io.hivemind.replay.report.WalkForwardReport;
import io.hivemind.replay.report.WalkForwardReport.ChosenSettings;
import io.hivemind.replay.report.WalkForwardReport.Results;
import io.hivemind.replay.report.WalkForwardReport.WindowResult;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * {@code ./hivemind replay walk-forward}: checks the settings against the log, reads and walks it
 * once with progress on stderr, chooses per window, writes the report and prints each window's
 * choice and its out-of-sample result beside the baseline. Exit status 0 when the report is
 * written, 2 for bad arguments (the message names the option), 1 when the run fails.
 */
final class WalkForwardMain {

  private WalkForwardMain() {}

  static int run(String[] args, PrintStream out, PrintStream err, Supplier<Replay> replays) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      out.print(WalkForwardArguments.USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      WalkForwardArguments arguments = WalkForwardArguments.parse(args);
      WalkForwardSettings settings = WalkForwardValidator.validate(arguments.request());
      WalkForwardReplay walkForward = new WalkForwardReplay(replays.get());
      WalkForwardReplay.Plan plan = walkForward.plan(settings);
      err.printf(
          "walk-forward: %,d records, %d windows × %d candidates (%d ways of learning, one read)"
              + " into %s%n",
          plan.records(),
          settings.windows().size(),
          settings.candidates().size(),
          plan.replay().settings().variants().size(),
          arguments.out());
      WalkForwardReplay.Result result =
          walkForward.run(plan, progress -> err.println("  " + progress), () -> false);
      ReplayOutput.write(result, arguments.out());
      print(result.report(), out);
      out.println(
          "Wrote "
              + arguments.out().resolve(ReplayOutput.REPORT_JSON)
              + " and "
              + ReplayOutput.REPORT_HTML);
      return 0;
    } catch (InvalidSettingsException e) {
      e.violations()
          .forEach(
              violation ->
                  err.println(
                      "replay walk-forward: "
                          + WalkForwardArguments.option(violation.field())
                          + ": "
                          + violation.message()));
      err.print(WalkForwardArguments.USAGE);
      return 2;
    } catch (Exception e) {
      err.println("replay walk-forward failed: " + e);
      return 1;
    }
  }

  static void print(WalkForwardReport report, PrintStream out) {
    out.println();
    out.printf(
        "%-6s %-22s %-42s %10s | %7s %12s %7s | %7s %12s %7s%n",
        "window",
        "out of sample from",
        "chosen in sample",
        "IS score",
        "trades",
        "P&L",
        "Brier",
        "base tr",
        "base P&L",
        "Brier");
    for (WindowResult window : report.windows()) {
      Results oos = window.outOfSampleResults();
      Results base = window.baselineOutOfSampleResults();
      out.printf(
          "%-6d %-22s %-42s %10.4f | %7d %12.2f %7.4f | %7d %12.2f %7.4f%n",
          window.index(),
          window.outOfSample().from(),
          label(window.chosen()) + (window.chosenBy().equals("baseline") ? " (kept)" : ""),
          window.inSampleScore(),
          oos.performance().trades(),
          oos.performance().pnl(),
          oos.brierScore(),
          base.performance().trades(),
          base.performance().pnl(),
          base.brierScore());
    }
    out.println();
    out.printf(
        "%-34s %8s %10s %8s %9s %12s %10s %8s %8s%n",
        "out of sample, all windows",
        "taken",
        "no outcome",
        "trades",
        "win rate",
        "P&L",
        "drawdown",
        "Sharpe",
        "Brier");
    total(out, "walk-forward", report.outOfSample().walkForward());
    total(out, "baseline (" + label(report.baseline()) + ")", report.outOfSample().baseline());
    out.println();
  }

  private static void total(PrintStream out, String label, Results results) {
    Performance performance = results.performance();
    out.printf(
        "%-34s %8d %10d %8d %8.1f%% %12.2f %10.2f %8.3f %8.4f%n",
        label,
        results.taken(),
        results.takenWithoutOutcome(),
        performance.trades(),
        performance.winRate() * 100,
        performance.pnl(),
        performance.maxDrawdown(),
        performance.sharpePerTrade(),
        results.brierScore());
  }

  private static String label(ChosenSettings settings) {
    return settings.halfLife()
        + " "
        + settings.scheme()
        + " "
        + settings.model()
        + " @ "
        + settings.threshold();
  }
}
