package io.hivemind.replay.walkforward;

import io.hivemind.learning.score.Calibration;
import io.hivemind.replay.report.EquityCurve;
import io.hivemind.replay.report.Ledger;
import io.hivemind.replay.report.Numbers;
import io.hivemind.replay.report.ReplayReport.Performance;
import io.hivemind.replay.report.ReportBuilder;
import io.hivemind.replay.report.WalkForwardReport.Aggregate;
import io.hivemind.replay.report.WalkForwardReport.ChosenSettings;
import io.hivemind.replay.report.WalkForwardReport.Range;
import io.hivemind.replay.report.WalkForwardReport.Results;
import io.hivemind.replay.report.WalkForwardReport.WindowResult;
import io.hivemind.replay.settings.Durations;
import io.hivemind.replay.settings.ReplaySettings.Variant;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardSettings.Candidate;
import io.hivemind.replay.settings.WalkForwardSettings.Objective;
import io.hivemind.replay.settings.WalkForwardSettings.Window;
import io.hivemind.replay.walk.DecisionPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Walk-forward optimisation over a finished walk, with no Kafka in sight: per window, every
 * candidate of the grid is scored on the in-sample range, the best is chosen, and only then are the
 * chosen settings (and the baseline's) judged on the out-of-sample range after it.
 *
 * <p>Nothing from the future reaches a choice. The model's answers were served in the walk from
 * what was learned before each signal (ADR 8), and a trade counts in sample only if its signal came
 * inside the in-sample range <em>and</em> its outcome was learned before that range ended: a trade
 * still open at the window's end is as unknown to the choice as it was to a bot at that moment.
 * Out-of-sample results never feed back into the window's choice; they enter later windows' choices
 * only once those windows' in-sample ranges contain them.
 */
public final class WalkForward {

  /** The windows, their sum, and the two out-of-sample equity curves the page draws. */
  public record Evaluation(
      List<WindowResult> windows, Aggregate outOfSample, List<EquityCurve> curves) {}

  private WalkForward() {}

  /**
   * @param walked the ways of learning walked, in the order of {@code decisions}
   * @param decisions per way of learning, its decisions in walk order
   */
  public static Evaluation evaluate(
      WalkForwardSettings settings, List<Variant> walked, List<List<DecisionPoint>> decisions) {
    Map<Variant, Timeline> timelines = new HashMap<>();
    for (int v = 0; v < walked.size(); v++) {
      timelines.put(walked.get(v), new Timeline(decisions.get(v)));
    }
    List<Candidate> grid = settings.candidates();
    Candidate baseline = WalkForwardSettings.baseline();
    Tally chosenTally = new Tally();
    Tally baselineTally = new Tally();
    List<WindowResult> windows = new ArrayList<>();
    for (Window window : settings.windows()) {
      Choice choice = choose(settings, grid, timelines, window);
      List<DecisionPoint> chosenRange =
          timeline(timelines, choice.candidate)
              .between(window.outOfSampleFrom(), window.outOfSampleTo());
      List<DecisionPoint> baselineRange =
          timeline(timelines, baseline).between(window.outOfSampleFrom(), window.outOfSampleTo());
      Results outOfSample =
          results(chosenRange, choice.candidate, DecisionPoint::traded, chosenTally);
      Results baselineOutOfSample =
          results(baselineRange, baseline, DecisionPoint::traded, baselineTally);
      windows.add(
          new WindowResult(
              window.index(),
              range(window.inSampleFrom(), window.inSampleTo()),
              range(window.outOfSampleFrom(), window.outOfSampleTo()),
              chosen(choice.candidate),
              choice.eligible == 0 ? "baseline" : "objective",
              choice.eligible,
              Numbers.round(choice.score),
              choice.inSample,
              outOfSample,
              baselineOutOfSample));
    }
    return new Evaluation(
        windows,
        new Aggregate(chosenTally.results(), baselineTally.results()),
        List.of(
            chosenTally.curve("walk-forward (settings chosen per window)"),
            baselineTally.curve("baseline (" + baseline.label() + ")")));
  }

  public static ChosenSettings chosen(Candidate candidate) {
    return new ChosenSettings(
        Durations.format(candidate.halfLife()),
        candidate.scheme(),
        candidate.model(),
        candidate.threshold());
  }

  private record Choice(Candidate candidate, Results inSample, double score, int eligible) {}

  /**
   * The best candidate on the window's in-sample range by the objective, among those with at least
   * {@code min_trades} trades there; ties go to the first in grid order. With none eligible, the
   * baseline is kept.
   */
  private static Choice choose(
      WalkForwardSettings settings,
      List<Candidate> grid,
      Map<Variant, Timeline> timelines,
      Window window) {
    long end = window.inSampleTo().toEpochMilli();
    Predicate<DecisionPoint> knownInSample = point -> point.traded() && point.learnedAt() < end;
    Choice best = null;
    int eligible = 0;
    for (Candidate candidate : grid) {
      List<DecisionPoint> range =
          timeline(timelines, candidate).between(window.inSampleFrom(), window.inSampleTo());
      Results results = results(range, candidate, knownInSample, null);
      if (results.performance().trades() < settings.minTrades()) {
        continue;
      }
      if (settings.objective() == Objective.BRIER && range.stream().noneMatch(knownInSample)) {
        continue; // no outcome to judge its probabilities on: not a perfect score
      }
      eligible++;
      Choice choice = new Choice(candidate, results, score(settings.objective(), results), 0);
      if (best == null || better(settings.objective(), choice, best)) {
        best = choice;
      }
    }
    if (best == null) {
      Candidate baseline = WalkForwardSettings.baseline();
      List<DecisionPoint> range =
          timeline(timelines, baseline).between(window.inSampleFrom(), window.inSampleTo());
      Results results = results(range, baseline, knownInSample, null);
      return new Choice(baseline, results, score(settings.objective(), results), 0);
    }
    return new Choice(best.candidate, best.inSample, best.score, eligible);
  }

  private static double score(Objective objective, Results results) {
    return switch (objective) {
      case PNL -> results.performance().pnl();
      case SHARPE -> results.performance().sharpePerTrade();
      case BRIER -> results.brierScore();
    };
  }

  private static boolean better(Objective objective, Choice a, Choice b) {
    if (objective == Objective.BRIER) {
      // the Brier score judges the way of learning; P&L then picks among its thresholds
      return a.score < b.score
          || (a.score == b.score
              && a.inSample.performance().pnl() > b.inSample.performance().pnl());
    }
    return a.score > b.score;
  }

  /**
   * The decisions at the candidate's threshold, on its model's probability. {@code known}: which
   * trades' outcomes may be counted; a taken signal without one is counted as taken without
   * outcome.
   */
  private static Results results(
      List<DecisionPoint> range, Candidate candidate, Predicate<DecisionPoint> known, Tally tally) {
    String model = candidate.model();
    double threshold = candidate.threshold();
    long taken = 0;
    long withoutOutcome = 0;
    Calibration calibration = new Calibration();
    List<DecisionPoint> trades = new ArrayList<>();
    for (DecisionPoint point : range) {
      boolean outcome = known.test(point);
      if (outcome) {
        calibration.record(point.probability(model), point.win());
      }
      if (point.probability(model) >= threshold) {
        taken++;
        if (outcome) {
          trades.add(point);
        } else {
          withoutOutcome++;
        }
      }
    }
    if (tally != null) {
      tally.add(range, model, taken, withoutOutcome, trades);
    }
    return new Results(taken, withoutOutcome, performance(trades), brier(calibration));
  }

  /** The Brier score as the report shows it: rounded, 0 when no outcome was known. */
  private static double brier(Calibration calibration) {
    return calibration.count() == 0 ? 0 : Numbers.round(calibration.brier());
  }

  private static Performance performance(List<DecisionPoint> trades) {
    Ledger ledger = new Ledger();
    trades.stream().sorted(ReportBuilder.BY_EXIT).forEach(point -> ledger.add(point.pnl()));
    return ledger.performance();
  }

  private static Timeline timeline(Map<Variant, Timeline> timelines, Candidate candidate) {
    Timeline timeline = timelines.get(candidate.variant());
    if (timeline == null) {
      throw new IllegalArgumentException("the walk did not learn with " + candidate.label());
    }
    return timeline;
  }

  private static Range range(Instant from, Instant to) {
    return new Range(from.toString(), to.toString());
  }

  /** One way of learning's decisions by record time, so a window's are found by binary search. */
  private static final class Timeline {

    private final List<DecisionPoint> points;
    private final long[] times;

    Timeline(List<DecisionPoint> decisions) {
      points =
          decisions.stream().sorted(Comparator.comparingLong(DecisionPoint::recordTime)).toList();
      times = points.stream().mapToLong(DecisionPoint::recordTime).toArray();
    }

    List<DecisionPoint> between(Instant from, Instant to) {
      return points.subList(first(from.toEpochMilli()), first(to.toEpochMilli()));
    }

    private int first(long time) {
      int low = 0;
      int high = times.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (times[mid] < time) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }

  /** Out-of-sample windows added up, in order. */
  private static final class Tally {

    private final Calibration calibration = new Calibration();
    private final List<DecisionPoint> trades = new ArrayList<>();
    private long taken;
    private long withoutOutcome;

    void add(
        List<DecisionPoint> range,
        String model,
        long taken,
        long withoutOutcome,
        List<DecisionPoint> trades) {
      range.stream()
          .filter(DecisionPoint::traded)
          .forEach(point -> calibration.record(point.probability(model), point.win()));
      this.taken += taken;
      this.withoutOutcome += withoutOutcome;
      this.trades.addAll(trades);
    }

    Results results() {
      return new Results(taken, withoutOutcome, performance(trades), brier(calibration));
    }

    EquityCurve curve(String label) {
      List<DecisionPoint> ordered = trades.stream().sorted(ReportBuilder.BY_EXIT).toList();
      Ledger ledger = new Ledger();
      ordered.forEach(point -> ledger.add(point.pnl()));
      return new EquityCurve(
          label, ordered.stream().map(DecisionPoint::exitTime).toList(), ledger.equity());
    }
  }
}
