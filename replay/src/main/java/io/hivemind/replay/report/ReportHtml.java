package io.hivemind.replay.report;

import io.hivemind.replay.report.ReplayReport.CalibrationBin;
import io.hivemind.replay.report.ReplayReport.ModelScore;
import io.hivemind.replay.report.ReplayReport.Performance;
import io.hivemind.replay.report.ReplayReport.ThresholdResult;
import io.hivemind.replay.report.ReplayReport.VariantResult;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page, no scripts and nothing fetched, so it renders
 * offline anywhere. Per learning variant: the results table, the equity curves (live and each
 * threshold) and the reliability diagram, drawn as inline SVG.
 */
public final class ReportHtml {

  static final int WIDTH = 720;
  static final int HEIGHT = 300;
  static final int PAD = 48;

  /** Room for the equity axis' labels: amounts like -12345.67. */
  static final int LEFT = 84;

  private static final String[] COLOURS = {
    "#444444", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"
  };

  private ReportHtml() {}

  public static String render(ReplayReport report, List<List<EquityCurve>> curves) {
    StringBuilder html = new StringBuilder(16_384);
    head(
        html,
        "hivemind replay " + report.run().settings().from() + " to " + report.run().settings().to(),
        "hivemind replay");
    runCard(html, report);
    for (int v = 0; v < report.results().size(); v++) {
      VariantResult result = report.results().get(v);
      html.append("<section class=\"variant\"><h2>Half-life ")
          .append(escape(result.halfLife()))
          .append(", scheme ")
          .append(escape(result.scheme()))
          .append("</h2>\n");
      results(html, result);
      models(html, result);
      equity(html, curves.get(v));
      reliability(html, result);
      html.append("</section>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  /** The page's head and title, the same look for every report this module writes. */
  static void head(StringBuilder html, String title, String heading) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(escape(title))
        .append("</title><style>")
        .append("body{font-family:sans-serif;margin:24px;color:#222}")
        .append("table{border-collapse:collapse;margin:8px 0}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;white-space:nowrap}")
        .append("th:first-child,td:first-child{text-align:left}")
        .append("svg{border:1px solid #ddd;background:#fff;margin:8px 16px 8px 0}")
        .append("</style></head><body>\n<h1>")
        .append(escape(heading))
        .append("</h1>\n");
  }

  private static void runCard(StringBuilder html, ReplayReport report) {
    var settings = report.run().settings();
    html.append("<p class=\"run-card\">Record time ")
        .append(escape(settings.from()))
        .append(" to ")
        .append(escape(settings.to()))
        .append("; users ")
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
  }

  private static void results(StringBuilder html, VariantResult result) {
    html.append("<table class=\"results\"><tr><th>decided at</th><th>taken</th><th>skipped</th>")
        .append(
            "<th>taken, live did not trade</th><th>trades</th><th>win rate</th><th>P&amp;L</th>")
        .append("<th>max drawdown</th><th>Sharpe per trade</th></tr>\n");
    row(html, "live (what the bots did)", null, result.live());
    for (ThresholdResult threshold : result.thresholds()) {
      row(html, "threshold " + threshold.threshold(), threshold, threshold.performance());
    }
    html.append("</table>\n<p>")
        .append(result.signals())
        .append(" signals decided on the ")
        .append(escape(result.model()))
        .append(" model's confidence; its Brier score ")
        .append(format(result.brierScore()))
        .append(".</p>\n");
  }

  /** Every model's probabilities for the traded signals, side by side. */
  private static void models(StringBuilder html, VariantResult result) {
    html.append("<table class=\"models\"><tr><th>model</th><th>version</th><th>trades</th>")
        .append("<th>Brier score</th><th>log loss</th><th>calibration error (ECE)</th>")
        .append("<th>mean probability</th><th>win rate</th></tr>\n");
    for (ModelScore model : result.models()) {
      html.append("<tr><td>")
          .append(escape(model.model()))
          .append(model.model().equals(result.model()) ? " (decides)" : "")
          .append("</td><td>")
          .append(escape(model.version()))
          .append("</td><td>")
          .append(model.trades())
          .append("</td><td>")
          .append(precise(model.brierScore()))
          .append("</td><td>")
          .append(precise(model.logLoss()))
          .append("</td><td>")
          .append(precise(model.expectedCalibrationError()))
          .append("</td><td>")
          .append(precise(model.meanProbability()))
          .append("</td><td>")
          .append(precise(model.winRate()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void row(
      StringBuilder html, String label, ThresholdResult threshold, Performance performance) {
    html.append("<tr><td>")
        .append(escape(label))
        .append("</td><td>")
        .append(threshold == null ? "" : threshold.taken())
        .append("</td><td>")
        .append(threshold == null ? "" : threshold.skipped())
        .append("</td><td>")
        .append(threshold == null ? "" : threshold.takenWithoutOutcome())
        .append("</td><td>")
        .append(performance.trades())
        .append("</td><td>")
        .append(format(performance.winRate() * 100))
        .append(" %</td><td>")
        .append(format(performance.pnl()))
        .append("</td><td>")
        .append(format(performance.maxDrawdown()))
        .append("</td><td>")
        .append(format(performance.sharpePerTrade()))
        .append("</td></tr>\n");
  }

  static void equity(StringBuilder html, List<EquityCurve> curves) {
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;
    double low = 0;
    double high = 0;
    for (EquityCurve curve : curves) {
      for (int i = 0; i < curve.equity().size(); i++) {
        minTime = Math.min(minTime, curve.exitTimes().get(i));
        maxTime = Math.max(maxTime, curve.exitTimes().get(i));
        low = Math.min(low, curve.equity().get(i));
        high = Math.max(high, curve.equity().get(i));
      }
    }
    html.append("<svg class=\"equity\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"equity curves\">")
        .append("<text x=\"8\" y=\"16\" font-size=\"13\">Equity (cumulative P&amp;L) by exit time")
        .append("</text>");
    if (minTime > maxTime) {
      html.append("<text x=\"")
          .append(WIDTH / 2 - 60)
          .append("\" y=\"")
          .append(HEIGHT / 2)
          .append("\">no traded outcomes</text></svg>\n");
      return;
    }
    double span = Math.max(1, maxTime - minTime);
    double range = Math.max(1e-9, high - low);
    double zero = y(0, low, range);
    html.append("<line x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(WIDTH - PAD / 2)
        .append("\" y1=\"")
        .append(format(zero))
        .append("\" y2=\"")
        .append(format(zero))
        .append("\" stroke=\"#bbb\"/>")
        .append(axisLabel(LEFT - 4, y(high, low, range), format(high)))
        .append(axisLabel(LEFT - 4, y(low, low, range), format(low)))
        .append(timeLabel(LEFT, minTime, "start"))
        .append(timeLabel(WIDTH - PAD / 2, maxTime, "end"));
    for (int c = 0; c < curves.size(); c++) {
      EquityCurve curve = curves.get(c);
      String colour = COLOURS[c % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < curve.equity().size(); i++) {
        double x = LEFT + (curve.exitTimes().get(i) - minTime) / span * (WIDTH - LEFT - PAD / 2);
        points
            .append(format(x))
            .append(',')
            .append(format(y(curve.equity().get(i), low, range)))
            .append(' ');
      }
      html.append("<polyline class=\"curve\" fill=\"none\" stroke-width=\"1.5\" stroke=\"")
          .append(colour)
          .append("\" points=\"")
          .append(points.toString().trim())
          .append("\"/><text x=\"")
          .append(LEFT + 8)
          .append("\" y=\"")
          .append(34 + 14 * c)
          .append("\" font-size=\"12\" fill=\"")
          .append(colour)
          .append("\">")
          .append(escape(curve.label()))
          .append("</text>");
    }
    html.append("</svg>\n");
  }

  private static void reliability(StringBuilder html, VariantResult result) {
    int size = HEIGHT;
    double plot = size - 1.5 * PAD;
    html.append("<svg class=\"reliability\" width=\"")
        .append(size)
        .append("\" height=\"")
        .append(size)
        .append("\" viewBox=\"0 0 ")
        .append(size)
        .append(' ')
        .append(size)
        .append("\" role=\"img\" aria-label=\"reliability diagram\">")
        .append("<text x=\"8\" y=\"16\" font-size=\"13\">Reliability: served vs won</text>")
        .append("<line class=\"diagonal\" x1=\"")
        .append(PAD)
        .append("\" y1=\"")
        .append(format(PAD + plot))
        .append("\" x2=\"")
        .append(format(PAD + plot))
        .append("\" y2=\"")
        .append(PAD)
        .append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>")
        .append(axisLabel(PAD - 4, PAD + plot, "0"))
        .append(axisLabel(PAD - 4, PAD, "1"))
        .append("<text x=\"")
        .append(format(PAD + plot / 2))
        .append("\" y=\"")
        .append(size - 6)
        .append("\" font-size=\"11\" text-anchor=\"middle\">served win probability</text>")
        .append("<text x=\"12\" y=\"")
        .append(format(PAD + plot / 2))
        .append("\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
        .append(format(PAD + plot / 2))
        .append(")\">won</text>");
    long most = result.calibration().stream().mapToLong(CalibrationBin::trades).max().orElse(0);
    for (CalibrationBin bin : result.calibration()) {
      if (bin.trades() == 0) {
        continue;
      }
      double radius = 3 + 7 * Math.sqrt((double) bin.trades() / Math.max(1, most));
      html.append("<circle class=\"bin\" fill=\"#1f77b4\" fill-opacity=\"0.7\" cx=\"")
          .append(format(PAD + bin.meanProbability() * plot))
          .append("\" cy=\"")
          .append(format(PAD + (1 - bin.winRate()) * plot))
          .append("\" r=\"")
          .append(format(radius))
          .append("\"><title>")
          .append(bin.trades())
          .append(" trades served ")
          .append(format(bin.meanProbability()))
          .append(", won ")
          .append(format(bin.winRate()))
          .append("</title></circle>");
    }
    html.append("</svg>\n");
  }

  private static double y(double value, double low, double range) {
    return PAD / 2.0 + (1 - (value - low) / range) * (HEIGHT - 1.5 * PAD);
  }

  private static String timeLabel(double x, long epochMillis, String anchor) {
    return "<text x=\""
        + format(x)
        + "\" y=\""
        + (HEIGHT - 6)
        + "\" font-size=\"11\" text-anchor=\""
        + anchor
        + "\">"
        + java.time.Instant.ofEpochMilli(epochMillis)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
        + "</text>";
  }

  private static String axisLabel(double x, double y, String text) {
    return "<text x=\""
        + format(x)
        + "\" y=\""
        + format(y + 4)
        + "\" font-size=\"11\" text-anchor=\"end\">"
        + escape(text)
        + "</text>";
  }

  static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Scores of two models differ in the third or fourth decimal. */
  private static String precise(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
