package io.hivemind.replay.walkforward;

import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayProgress;
import io.hivemind.replay.log.LogRange;
import io.hivemind.replay.report.EquityCurve;
import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.report.WalkForwardReport;
import io.hivemind.replay.report.WalkForwardReport.RunCard;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.walk.Walk;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A walk-forward optimisation over the live topics: one read of the range, every way of learning in
 * the grid (and the baseline's) walked side by side over it as a replay walks its variants, then
 * {@link WalkForward} chooses and judges per window. {@link #plan} checks the settings against the
 * log and the memory bound before anything long starts.
 */
public final class WalkForwardReplay {

  /**
   * The most records × ways of learning one run holds. The walk keeps one decision per signal per
   * way of learning (about 120 bytes each) and each way's statistics; 4,000,000 is about half a
   * GiB: 500,000 records with 8 ways of learning, or 4,000,000 records with one.
   */
  public static final long MAX_RECORDS_TIMES_VARIANTS = 4_000_000;

  /** A checked walk-forward: its settings and the replay that serves it. */
  public record Plan(WalkForwardSettings settings, Replay.Plan replay) {

    public long records() {
      return replay.records();
    }
  }

  /** A finished walk-forward: its report and the out-of-sample equity curves. */
  public record Result(WalkForwardReport report, List<EquityCurve> curves) {}

  private final Replay replay;

  public WalkForwardReplay(Replay replay) {
    this.replay = replay;
  }

  public Plan plan(WalkForwardSettings settings) {
    Replay.Plan plan = replay.plan(settings.replaySettings());
    checkBound(plan.records(), plan.settings().variants().size());
    return new Plan(settings, plan);
  }

  /** Refuses a run whose decisions would not fit the bound, naming the range. */
  public static void checkBound(long records, int variants) {
    if (records * variants > MAX_RECORDS_TIMES_VARIANTS) {
      throw new InvalidSettingsException(
          "from",
          String.format(
              "the range holds %,d records and the grid learns %d ways (the baseline's included);"
                  + " a walk-forward holds at most %,d records × ways of learning in memory:"
                  + " narrow the range or the half-lives",
              records, variants, MAX_RECORDS_TIMES_VARIANTS));
    }
  }

  /**
   * Reads and walks the range once with progress about once a second, then chooses and judges;
   * stops with a {@link java.util.concurrent.CancellationException} when {@code cancelled} says so.
   */
  public Result run(Plan plan, Consumer<ReplayProgress> progress, BooleanSupplier cancelled) {
    Replay.Walked walked = replay.walk(plan.replay(), progress, cancelled);
    return result(
        plan.settings(),
        replay.codeVersion(),
        plan.replay().ranges(),
        walked.input(),
        walked.walk());
  }

  /** The report of a finished walk: pure, so tests hand it a walk over a log in memory. */
  public static Result result(
      WalkForwardSettings settings,
      String codeVersion,
      List<LogRange> ranges,
      InputCard input,
      Walk walk) {
    WalkForward.Evaluation evaluation =
        WalkForward.evaluate(settings, settings.replaySettings().variants(), walk.decisions());
    WalkForwardReport report =
        new WalkForwardReport(
            new RunCard(
                "hivemind replay walk-forward", codeVersion, settings.asRequest(), ranges, input),
            walk.counts(),
            WalkForward.chosen(WalkForwardSettings.baseline()),
            settings.candidates().size(),
            evaluation.windows(),
            evaluation.outOfSample());
    return new Result(report, evaluation.curves());
  }
}
