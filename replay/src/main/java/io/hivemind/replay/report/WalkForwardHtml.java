package io.hivemind.replay.report;

import static io.hivemind.replay.report.ReportHtml.escape;
import static io.hivemind.replay.report.ReportHtml.format;

import io.hivemind.replay.report.ReplayReport.Performance;
import io.hivemind.replay.report.WalkForwardReport.ChosenSettings;
import io.hivemind.replay.report.WalkForwardReport.Results;
import io.hivemind.replay.report.WalkForwardReport.WindowResult;
import io.hivemind.replay.settings.WalkForwardRequest;
import java.util.List;

/**
 * A walk-forward optimisation's {@code report.html}, in the replay report's style: one page, no
 * scripts, nothing fetched. The out-of-sample sum beside the baseline, both equity curves, then one
 * row per window: the settings chosen in sample and how they did out of sample.
 */
public final class WalkForwardHtml {

  private WalkForwardHtml() {}

  public static String render(WalkForwardReport report, List<EquityCurve> curves) {
    WalkForwardRequest settings = report.run().settings();
    StringBuilder html = new StringBuilder(16_384);
    ReportHtml.head(
        html,
        "hivemind walk-forward " + settings.from() + " to " + settings.to(),
        "hivemind walk-forward optimisation");
    html.append("<p class=\"run-card\">Record time ")
        .append(escape(settings.from()))
        .append(" to ")
        .append(escape(settings.to()))
        .append("; ")
        .append(escape(settings.windows()))
        .append(" windows: in sample ")
        .append(escape(settings.inSample()))
        .append(", out of sample ")
        .append(escape(settings.outOfSample()))
        .append(", step ")
        .append(escape(settings.step()))
        .append("; objective ")
        .append(escape(settings.objective()))
        .append(" (at least ")
        .append(settings.minTrades())
        .append(" in-sample trades); grid: thresholds ")
        .append(escape(settings.thresholds().toString()))
        .append(", half-lives ")
        .append(escape(settings.halfLives().toString()))
        .append(", schemes ")
        .append(escape(settings.schemes().toString()))
        .append(", models ")
        .append(escape(settings.models().toString()))
        .append(" (")
        .append(report.candidates())
        .append(" candidates); users ")
        .append(settings.users().isEmpty() ? "all" : escape(String.join(", ", settings.users())))
        .append("; symbols ")
        .append(
            settings.symbols().isEmpty() ? "all" : escape(String.join(", ", settings.symbols())))
        .append("; ")
        .append(report.run().input().records())
        .append(" records, sha256 ")
        .append(escape(report.run().input().sha256()))
        .append("; code ")
        .append(escape(report.run().codeVersion()))
        .append(".</p>\n");
    html.append("<h2>Out of sample, every window</h2>\n")
        .append("<table class=\"aggregate\"><tr><th>settings</th><th>taken</th>")
        .append("<th>taken, live did not trade</th><th>trades</th><th>wins</th><th>win rate</th>")
        .append("<th>P&amp;L</th><th>max drawdown</th><th>Sharpe per trade</th><th>Brier</th>")
        .append("</tr>\n");
    aggregateRow(html, "walk-forward (chosen per window)", report.outOfSample().walkForward());
    aggregateRow(html, "baseline: " + label(report.baseline()), report.outOfSample().baseline());
    html.append("</table>\n");
    ReportHtml.equity(html, curves);
    html.append("<h2>Per window</h2>\n")
        .append("<table class=\"windows\"><tr><th>window</th><th>in sample</th>")
        .append("<th>out of sample</th><th>chosen</th><th>chosen by</th>")
        .append("<th>in-sample score</th><th>in-sample trades</th>")
        .append("<th>trades</th><th>wins</th><th>P&amp;L</th><th>Brier</th>")
        .append("<th>baseline trades</th><th>baseline P&amp;L</th><th>baseline Brier</th></tr>\n");
    for (WindowResult window : report.windows()) {
      Performance oos = window.outOfSampleResults().performance();
      Performance base = window.baselineOutOfSampleResults().performance();
      html.append("<tr><td>")
          .append(window.index())
          .append("</td><td>")
          .append(escape(window.inSample().from()))
          .append(" – ")
          .append(escape(window.inSample().to()))
          .append("</td><td>")
          .append(escape(window.outOfSample().from()))
          .append(" – ")
          .append(escape(window.outOfSample().to()))
          .append("</td><td>")
          .append(escape(label(window.chosen())))
          .append("</td><td>")
          .append(escape(window.chosenBy()))
          .append(" (")
          .append(window.eligibleCandidates())
          .append(" eligible)</td><td>")
          .append(format(window.inSampleScore()))
          .append("</td><td>")
          .append(window.inSampleResults().performance().trades())
          .append("</td><td>")
          .append(oos.trades())
          .append("</td><td>")
          .append(oos.wins())
          .append("</td><td>")
          .append(format(oos.pnl()))
          .append("</td><td>")
          .append(brier(window.outOfSampleResults()))
          .append("</td><td>")
          .append(base.trades())
          .append("</td><td>")
          .append(format(base.pnl()))
          .append("</td><td>")
          .append(brier(window.baselineOutOfSampleResults()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n<p>Each window's settings are chosen on its in-sample range only: a")
        .append(" trade counts there when its signal came in the range and its outcome was known")
        .append(" before the range ended. The model learns through the whole log as it goes.</p>")
        .append("\n");
    return html.append("</body></html>\n").toString();
  }

  private static void aggregateRow(StringBuilder html, String label, Results results) {
    Performance performance = results.performance();
    html.append("<tr><td>")
        .append(escape(label))
        .append("</td><td>")
        .append(results.taken())
        .append("</td><td>")
        .append(results.takenWithoutOutcome())
        .append("</td><td>")
        .append(performance.trades())
        .append("</td><td>")
        .append(performance.wins())
        .append("</td><td>")
        .append(format(performance.winRate() * 100))
        .append(" %</td><td>")
        .append(format(performance.pnl()))
        .append("</td><td>")
        .append(format(performance.maxDrawdown()))
        .append("</td><td>")
        .append(format(performance.sharpePerTrade()))
        .append("</td><td>")
        .append(brier(results))
        .append("</td></tr>\n");
  }

  private static String brier(Results results) {
    return String.format(java.util.Locale.ROOT, "%.4f", results.brierScore());
  }

  static String label(ChosenSettings settings) {
    return "half-life "
        + settings.halfLife()
        + ", scheme "
        + settings.scheme()
        + ", model "
        + settings.model()
        + ", threshold "
        + settings.threshold();
  }
}
