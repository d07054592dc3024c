package io.hivemind.replay.report;

import io.hivemind.replay.report.ReplayReport.Performance;
import io.hivemind.replay.report.ReplayReport.ThresholdResult;
import io.hivemind.replay.report.ReplayReport.VariantResult;
import io.hivemind.replay.report.WalkForwardReport.ChosenSettings;
import io.hivemind.replay.report.WalkForwardReport.Results;
import io.hivemind.replay.report.WalkForwardReport.WindowResult;
import java.io.PrintWriter;

/**
 * A report as a terminal table, as {@code ./hivemind replay} prints it: per way of learning, live
 * beside each threshold; per walk-forward window, the choice and its out-of-sample result beside
 * the baseline, then both sums.
 */
public final class ReportTables {

  private ReportTables() {}

  /** A replay's results side by side. */
  public static void print(ReplayReport report, PrintWriter out) {
    out.println();
    out.printf(
        "%-24s %8s %8s %10s %8s %9s %12s %12s %8s%n",
        "", "taken", "skipped", "no outcome", "trades", "win rate", "P&L", "drawdown", "Sharpe");
    for (VariantResult variant : report.results()) {
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

  /** A walk-forward optimisation's windows and its sums beside the baseline's. */
  public static void print(WalkForwardReport report, PrintWriter out) {
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

  private static void row(
      PrintWriter out,
      String label,
      String taken,
      String skipped,
      String unknown,
      Performance performance) {
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

  private static void total(PrintWriter out, String label, Results results) {
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
