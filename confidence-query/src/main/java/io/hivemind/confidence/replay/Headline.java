package io.hivemind.confidence.replay;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.replay.report.ReplayReport;
import io.hivemind.replay.report.ReplayReport.ThresholdResult;
import io.hivemind.replay.report.ReplayReport.VariantResult;
import io.hivemind.replay.report.WalkForwardReport;
import java.util.ArrayList;
import java.util.List;

/** A finished replay's result at a glance: one learning variant decided at one threshold. */
public record Headline(
    @JsonProperty("half_life") String halfLife,
    @JsonProperty("scheme") String scheme,
    @JsonProperty("threshold") double threshold,
    @JsonProperty("trades") long trades,
    @JsonProperty("pnl") double pnl,
    @JsonProperty("win_rate") double winRate) {

  /**
   * A walk-forward at a glance: its out-of-sample sum (the settings vary by window, so half-life
   * and scheme say {@code walk-forward} and the threshold is 0), then the baseline's.
   */
  static List<Headline> of(WalkForwardReport report) {
    var walkForward = report.outOfSample().walkForward().performance();
    var baseline = report.outOfSample().baseline().performance();
    return List.of(
        new Headline(
            "walk-forward",
            "walk-forward",
            0,
            walkForward.trades(),
            walkForward.pnl(),
            walkForward.winRate()),
        new Headline(
            report.baseline().halfLife(),
            report.baseline().scheme(),
            report.baseline().threshold(),
            baseline.trades(),
            baseline.pnl(),
            baseline.winRate()));
  }

  static List<Headline> of(ReplayReport report) {
    List<Headline> headlines = new ArrayList<>();
    for (VariantResult variant : report.results()) {
      for (ThresholdResult threshold : variant.thresholds()) {
        headlines.add(
            new Headline(
                variant.halfLife(),
                variant.scheme(),
                threshold.threshold(),
                threshold.performance().trades(),
                threshold.performance().pnl(),
                threshold.performance().winRate()));
      }
    }
    return List.copyOf(headlines);
  }
}
