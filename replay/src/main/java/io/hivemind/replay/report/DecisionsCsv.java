package io.hivemind.replay.report;

import io.hivemind.replay.settings.Durations;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.ReplaySettings.Variant;
import io.hivemind.replay.walk.DecisionPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * {@code decisions.csv}: every decision of every variant, one row per signal, with the decision at
 * each threshold side by side and, when live traded it, the trade's result. {@code win_probability}
 * is the deciding model's; both models' follow the interval and counts.
 */
public final class DecisionsCsv {

  private DecisionsCsv() {}

  public static void write(
      ReplaySettings settings, List<List<DecisionPoint>> decisions, Writer out) {
    try {
      StringBuilder header =
          new StringBuilder(
              "half_life,scheme,record_time,signal_time,user_id,signal_id,symbol,side,"
                  + "win_probability,interval_low,interval_high,user_trades,community_trades,"
                  + "pattern_probability,challenger_probability");
      for (double threshold : settings.thresholds()) {
        header.append(",take_at_").append(threshold);
      }
      out.write(header.append(",live_traded,pnl,win,exit_time\n").toString());
      List<Variant> variants = settings.variants();
      for (int v = 0; v < variants.size(); v++) {
        for (DecisionPoint point : decisions.get(v)) {
          out.write(row(variants.get(v), settings.thresholds(), point));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String row(Variant variant, List<Double> thresholds, DecisionPoint point) {
    StringBuilder row = new StringBuilder(200);
    row.append(Durations.format(variant.halfLife()))
        .append(',')
        .append(variant.scheme())
        .append(',')
        .append(Instant.ofEpochMilli(point.recordTime()))
        .append(',')
        .append(Instant.ofEpochMilli(point.signalTime()))
        .append(',')
        .append(field(point.userId()))
        .append(',')
        .append(field(point.signalId()))
        .append(',')
        .append(point.symbol())
        .append(',')
        .append(point.side())
        .append(',')
        .append(Numbers.round(point.winProbability()))
        .append(',')
        .append(Numbers.round(point.intervalLow()))
        .append(',')
        .append(Numbers.round(point.intervalHigh()))
        .append(',')
        .append(point.userTrades())
        .append(',')
        .append(point.communityTrades())
        .append(',')
        .append(Numbers.round(point.patternProbability()))
        .append(',')
        .append(Numbers.round(point.challengerProbability()));
    for (double threshold : thresholds) {
      row.append(',').append(point.takenAt(threshold) ? "take" : "skip");
    }
    if (point.traded()) {
      row.append(",true,")
          .append(point.pnl())
          .append(',')
          .append(point.win())
          .append(',')
          .append(Instant.ofEpochMilli(point.exitTime()));
    } else {
      row.append(",false,,,");
    }
    return row.append('\n').toString();
  }

  /** RFC 4180: quoted when it holds a comma, a quote or a line break. */
  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
