package io.hivemind.replay.report;

import io.hivemind.learning.model.ModelVersion;
import io.hivemind.learning.score.Calibration;
import io.hivemind.replay.log.LogRange;
import io.hivemind.replay.report.ReplayReport.CalibrationBin;
import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.report.ReplayReport.ModelScore;
import io.hivemind.replay.report.ReplayReport.RunCard;
import io.hivemind.replay.report.ReplayReport.ThresholdResult;
import io.hivemind.replay.report.ReplayReport.VariantResult;
import io.hivemind.replay.settings.Durations;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.ReplaySettings.Variant;
import io.hivemind.replay.walk.DecisionPoint;
import io.hivemind.replay.walk.WalkCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** Turns a finished walk into the report and the equity curves the page draws. */
public final class ReportBuilder {

  /** Trades in the order they closed; ties in the order of their signals. */
  public static final Comparator<DecisionPoint> BY_EXIT =
      Comparator.comparingLong(DecisionPoint::exitTime)
          .thenComparingLong(DecisionPoint::recordTime)
          .thenComparing(DecisionPoint::userId)
          .thenComparing(DecisionPoint::signalId);

  private ReportBuilder() {}

  public static ReplayReport report(
      ReplaySettings settings,
      String codeVersion,
      List<LogRange> ranges,
      InputCard input,
      WalkCounts counts,
      List<List<DecisionPoint>> decisions,
      List<ModelVersion> challengers) {
    RunCard card = new RunCard("hivemind replay", codeVersion, settings.asRequest(), ranges, input);
    List<Variant> variants = settings.variants();
    List<VariantResult> results = new ArrayList<>(variants.size());
    for (int v = 0; v < variants.size(); v++) {
      results.add(variant(settings, variants.get(v), decisions.get(v), challengers.get(v)));
    }
    return new ReplayReport(card, counts, results);
  }

  /** Per variant: live's curve, then one per threshold. */
  public static List<List<EquityCurve>> curves(
      ReplaySettings settings, List<List<DecisionPoint>> decisions) {
    List<List<EquityCurve>> curves = new ArrayList<>();
    for (List<DecisionPoint> points : decisions) {
      List<DecisionPoint> traded = tradedInExitOrder(points);
      List<EquityCurve> variantCurves = new ArrayList<>();
      variantCurves.add(curve("live", traded, point -> true));
      for (double threshold : settings.thresholds()) {
        variantCurves.add(
            curve("threshold " + threshold, traded, point -> point.takenAt(threshold)));
      }
      curves.add(variantCurves);
    }
    return curves;
  }

  private static VariantResult variant(
      ReplaySettings settings,
      Variant variant,
      List<DecisionPoint> points,
      ModelVersion challenger) {
    List<DecisionPoint> traded = tradedInExitOrder(points);
    ModelScore pattern =
        score(
            ReplaySettings.PATTERN_MODEL,
            "pattern/" + variant.scheme() + "/half-life " + Durations.format(variant.halfLife()),
            traded,
            DecisionPoint::patternProbability);
    ModelScore challengerScore =
        score(
            ReplaySettings.CHALLENGER_MODEL,
            challenger.label(),
            traded,
            DecisionPoint::challengerProbability);
    ModelScore chosen = settings.decidesOnChallenger() ? challengerScore : pattern;
    List<ThresholdResult> thresholds = new ArrayList<>();
    for (double threshold : settings.thresholds()) {
      long taken = points.stream().filter(point -> point.takenAt(threshold)).count();
      long takenWithoutOutcome =
          points.stream().filter(point -> point.takenAt(threshold) && !point.traded()).count();
      thresholds.add(
          new ThresholdResult(
              threshold,
              taken,
              points.size() - taken,
              takenWithoutOutcome,
              ledger(traded, point -> point.takenAt(threshold)).performance()));
    }
    return new VariantResult(
        Durations.format(variant.halfLife()),
        variant.scheme(),
        points.size(),
        ledger(traded, point -> true).performance(),
        thresholds,
        chosen.brierScore(),
        chosen.calibration(),
        chosen.model(),
        List.of(pattern, challengerScore));
  }

  /** One model's probabilities for the traded signals, scored against their outcomes. */
  static ModelScore score(
      String model,
      String version,
      List<DecisionPoint> traded,
      ToDoubleFunction<DecisionPoint> probability) {
    Calibration calibration = new Calibration();
    traded.forEach(point -> calibration.record(probability.applyAsDouble(point), point.win()));
    boolean none = calibration.count() == 0;
    return new ModelScore(
        model,
        version,
        calibration.count(),
        none ? 0 : Numbers.round(calibration.brier()),
        none ? 0 : Numbers.round(calibration.logLoss()),
        none ? 0 : Numbers.round(calibration.expectedCalibrationError()),
        none ? 0 : Numbers.round(calibration.meanPredicted()),
        none ? 0 : Numbers.round(calibration.realizedWinRate()),
        bins(calibration));
  }

  /** The reliability table as the report shows it: empty bins as zeros. */
  static List<CalibrationBin> bins(Calibration calibration) {
    return calibration.reliability().stream()
        .map(
            bin ->
                new CalibrationBin(
                    Numbers.round(bin.low()),
                    Numbers.round(bin.high()),
                    bin.count(),
                    bin.count() == 0 ? 0 : Numbers.round(bin.meanPredicted()),
                    bin.count() == 0 ? 0 : Numbers.round(bin.realized())))
        .toList();
  }

  private static List<DecisionPoint> tradedInExitOrder(List<DecisionPoint> points) {
    return points.stream().filter(DecisionPoint::traded).sorted(BY_EXIT).toList();
  }

  private static Ledger ledger(List<DecisionPoint> traded, Predicate<DecisionPoint> taken) {
    Ledger ledger = new Ledger();
    traded.stream().filter(taken).forEach(point -> ledger.add(point.pnl()));
    return ledger;
  }

  private static EquityCurve curve(
      String label, List<DecisionPoint> traded, Predicate<DecisionPoint> taken) {
    List<DecisionPoint> trades = traded.stream().filter(taken).toList();
    Ledger ledger = new Ledger();
    trades.forEach(point -> ledger.add(point.pnl()));
    return new EquityCurve(
        label, trades.stream().map(DecisionPoint::exitTime).toList(), ledger.equity());
  }
}
