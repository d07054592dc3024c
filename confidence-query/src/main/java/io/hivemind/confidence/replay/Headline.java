package io.hivemind.confidence.replay;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.replay.report.ReplayReport;
import io.hivemind.replay.report.ReplayReport.ThresholdResult;
import io.hivemind.replay.report.ReplayReport.VariantResult;
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
