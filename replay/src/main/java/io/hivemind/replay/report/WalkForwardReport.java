package io.hivemind.replay.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.replay.log.LogRange;
import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.report.ReplayReport.Performance;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.walk.WalkCounts;
import java.util.List;

/**
 * A walk-forward optimisation's {@code report.json}: the run card, then per window the settings
 * chosen on its in-sample range and how they did on the out-of-sample range after it, beside the
 * default settings on the same range; then the out-of-sample results added up. Like a replay's
 * report, it depends only on the settings and the input: a rerun writes the same bytes.
 */
public record WalkForwardReport(
    @JsonProperty("run") RunCard run,
    @JsonProperty("walk") WalkCounts walk,
    @JsonProperty("baseline") ChosenSettings baseline,
    @JsonProperty("candidates") int candidates,
    @JsonProperty("windows") List<WindowResult> windows,
    @JsonProperty("out_of_sample") Aggregate outOfSample) {

  public record RunCard(
      @JsonProperty("tool") String tool,
      @JsonProperty("code_version") String codeVersion,
      @JsonProperty("settings") WalkForwardRequest settings,
      @JsonProperty("topics") List<LogRange> topics,
      @JsonProperty("input") InputCard input) {}

  /** A point of the grid: how to learn and where to decide. */
  public record ChosenSettings(
      @JsonProperty("half_life") String halfLife,
      @JsonProperty("scheme") String scheme,
      @JsonProperty("model") String model,
      @JsonProperty("threshold") double threshold) {}

  /** Record time, [from, to). */
  public record Range(@JsonProperty("from") String from, @JsonProperty("to") String to) {}

  /**
   * One window. {@code chosen_by}: {@code objective} when a candidate had at least {@code
   * min_trades} trades in sample and the best was chosen; {@code baseline} when none had, and the
   * default settings were kept. {@code in_sample_score}: the objective's value of the chosen
   * settings on the in-sample range.
   */
  public record WindowResult(
      @JsonProperty("index") int index,
      @JsonProperty("in_sample") Range inSample,
      @JsonProperty("out_of_sample") Range outOfSample,
      @JsonProperty("chosen") ChosenSettings chosen,
      @JsonProperty("chosen_by") String chosenBy,
      @JsonProperty("eligible_candidates") int eligibleCandidates,
      @JsonProperty("in_sample_score") double inSampleScore,
      @JsonProperty("in_sample_results") Results inSampleResults,
      @JsonProperty("out_of_sample_results") Results outOfSampleResults,
      @JsonProperty("baseline_out_of_sample_results") Results baselineOutOfSampleResults) {}

  /**
   * Decisions in a range with one setting: signals taken, taken ones live did not trade (no outcome
   * to judge, counted), the performance of the taken trades with an outcome, and the Brier score of
   * the served confidence over every decided trade with an outcome, taken or not.
   */
  public record Results(
      @JsonProperty("taken") long taken,
      @JsonProperty("taken_without_outcome") long takenWithoutOutcome,
      @JsonProperty("performance") Performance performance,
      @JsonProperty("brier_score") double brierScore) {}

  /** Every out-of-sample window added up: the settings chosen per window, and the baseline. */
  public record Aggregate(
      @JsonProperty("walk_forward") Results walkForward,
      @JsonProperty("baseline") Results baseline) {}
}
