package io.hivemind.replay.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.replay.log.LogRange;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.walk.WalkCounts;
import java.util.List;

/**
 * {@code report.json}: the run card that makes the run reproducible, then the results of every
 * learning variant at every threshold, side by side. Nothing in it depends on when or where the run
 * happened, so the same settings over the same input give the same bytes.
 */
public record ReplayReport(
    @JsonProperty("run") RunCard run,
    @JsonProperty("walk") WalkCounts walk,
    @JsonProperty("results") List<VariantResult> results) {

  public record RunCard(
      @JsonProperty("tool") String tool,
      @JsonProperty("code_version") String codeVersion,
      @JsonProperty("settings") ReplayRequest settings,
      @JsonProperty("topics") List<LogRange> topics,
      @JsonProperty("input") InputCard input) {}

  public record InputCard(
      @JsonProperty("records") long records, @JsonProperty("sha256") String sha256) {}

  /**
   * One way of learning: what live did, what each threshold would have done deciding on the chosen
   * {@code model}'s confidence, that model's Brier score and calibration, and every model's scores
   * side by side ({@code models}: the pattern model, then the challenger).
   */
  public record VariantResult(
      @JsonProperty("half_life") String halfLife,
      @JsonProperty("scheme") String scheme,
      @JsonProperty("signals") long signals,
      @JsonProperty("live") Performance live,
      @JsonProperty("thresholds") List<ThresholdResult> thresholds,
      @JsonProperty("brier_score") double brierScore,
      @JsonProperty("calibration") List<CalibrationBin> calibration,
      @JsonProperty("model") String model,
      @JsonProperty("models") List<ModelScore> models) {}

  /**
   * One model's probabilities for the traded signals against their outcomes. {@code version} names
   * the model and what it had learned by the end of the walk; {@code ece} is the expected
   * calibration error over the ten bins.
   */
  public record ModelScore(
      @JsonProperty("model") String model,
      @JsonProperty("version") String version,
      @JsonProperty("trades") long trades,
      @JsonProperty("brier_score") double brierScore,
      @JsonProperty("log_loss") double logLoss,
      @JsonProperty("ece") double expectedCalibrationError,
      @JsonProperty("mean_probability") double meanProbability,
      @JsonProperty("win_rate") double winRate,
      @JsonProperty("calibration") List<CalibrationBin> calibration) {}

  /**
   * Deciding at one threshold. Signals taken that live did not trade have no outcome in the log:
   * they are counted ({@code taken_without_outcome}), never guessed.
   */
  public record ThresholdResult(
      @JsonProperty("threshold") double threshold,
      @JsonProperty("taken") long taken,
      @JsonProperty("skipped") long skipped,
      @JsonProperty("taken_without_outcome") long takenWithoutOutcome,
      @JsonProperty("performance") Performance performance) {}

  /**
   * Trades with known outcomes, in exit-time order. {@code sharpe_per_trade}: mean P&L per trade
   * over its standard deviation, the risk-adjusted return.
   */
  public record Performance(
      @JsonProperty("trades") long trades,
      @JsonProperty("wins") long wins,
      @JsonProperty("win_rate") double winRate,
      @JsonProperty("pnl") double pnl,
      @JsonProperty("max_drawdown") double maxDrawdown,
      @JsonProperty("sharpe_per_trade") double sharpePerTrade) {}

  /** Served confidence in [from, to) against how often those trades won. */
  public record CalibrationBin(
      @JsonProperty("from") double from,
      @JsonProperty("to") double to,
      @JsonProperty("trades") long trades,
      @JsonProperty("mean_probability") double meanProbability,
      @JsonProperty("win_rate") double winRate) {}
}
