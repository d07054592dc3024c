package io.hivemind.cli.replay;

import io.hivemind.cli.StackSettings;
import io.hivemind.replay.ReplayOutput;
import io.hivemind.replay.report.ReportJson;
import io.hivemind.replay.report.ReportTables;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hivemind replay walk-forward}: checks the settings against the log, reads and walks it
 * once with progress on standard error, chooses per window, writes the report and prints each
 * window's choice and its out-of-sample result beside the baseline (or the report as JSON).
 */
@Command(
    name = "walk-forward",
    sortOptions = false,
    description =
        "Walk-forward optimisation: per window, chooses the grid's best settings on the in-sample"
            + " range (only trades whose outcome was known by its end) and judges them on the"
            + " out-of-sample range after it, beside the default settings (half-life 30d, scheme"
            + " v1, model pattern, threshold 0.5).",
    footer = {
      "",
      "Windows: the first in-sample range starts at T1; rolling ranges keep their length, anchored"
          + " ones grow from T1; each next window is --step later (default: --out-of-sample).",
      "Lists are comma-separated. Durations: 30d, 12h, 90m, 45s. Writes DIR/report.json and"
          + " DIR/report.html.",
      "Exit codes: 0 the report is written, 1 the run failed (the stack not reachable), 2 a usage"
          + " error (the option named)."
    })
public final class WalkForwardCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LogRange range;

  @Option(
      names = "--in-sample",
      paramLabel = "DURATION",
      description = "Each window's in-sample range, where settings are chosen: 7d.")
  String inSample;

  @Option(
      names = "--out-of-sample",
      paramLabel = "DURATION",
      description = "Each window's out-of-sample range, where the choice is judged: 1d.")
  String outOfSample;

  @Option(
      names = "--step",
      paramLabel = "DURATION",
      description = "How much later each next window starts (default: --out-of-sample).")
  String step;

  @Option(
      names = "--windows",
      paramLabel = "rolling|anchored",
      description = "Rolling windows keep their length; anchored ones grow from T1.")
  String windows;

  @Option(
      names = {"--thresholds", "--threshold"},
      paramLabel = "P",
      split = ",",
      description = "The grid's thresholds, each between 0 and 1: 0.5,0.55,0.6.")
  List<Double> thresholds;

  @Option(
      names = {"--half-lives", "--half-life"},
      paramLabel = "DURATION",
      split = ",",
      description = "The grid's half-lives: 7d,30d.")
  List<String> halfLives;

  @Option(
      names = {"--schemes", "--scheme"},
      paramLabel = "SCHEME",
      split = ",",
      description = "The grid's pattern schemes: v1.")
  List<String> schemes;

  @Option(
      names = {"--models", "--model"},
      paramLabel = "MODEL",
      split = ",",
      description = "The grid's models: pattern,challenger.")
  List<String> models;

  @Option(
      names = "--objective",
      paramLabel = "pnl|sharpe|brier",
      description = "What the in-sample choice maximises (Brier: minimises).")
  String objective;

  @Option(
      names = "--min-trades",
      paramLabel = "N",
      description = "The fewest in-sample trades a candidate needs to be chosen.")
  Integer minTrades;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = range.out(spec);
    WalkForwardSettings settings;
    try {
      settings = WalkForwardValidator.validate(request());
    } catch (InvalidSettingsException e) {
      throw LogRange.refused(spec, e);
    }
    WalkForwardReplay.Result result;
    try {
      WalkForwardReplay walkForward =
          new WalkForwardReplay(LogRange.replay(StackSettings.of(spec)));
      WalkForwardReplay.Plan plan = walkForward.plan(settings);
      err.printf(
          "walk-forward: %,d records, %d windows × %d candidates (%d ways of learning, one read)"
              + " into %s%n",
          plan.records(),
          settings.windows().size(),
          settings.candidates().size(),
          plan.replay().settings().variants().size(),
          dir);
      err.flush();
      result =
          walkForward.run(
              plan,
              progress -> {
                err.println("  " + progress);
                err.flush();
              },
              () -> false);
      ReplayOutput.write(result, dir);
    } catch (InvalidSettingsException e) {
      throw LogRange.refused(spec, e);
    } catch (Exception e) {
      throw LogRange.failed("replay walk-forward", e);
    }
    if (range.json) {
      out.println(ReportJson.render(result.report()));
    } else {
      ReportTables.print(result.report(), out);
      out.println(
          "Wrote " + dir.resolve(ReplayOutput.REPORT_JSON) + " and " + ReplayOutput.REPORT_HTML);
    }
    return 0;
  }

  WalkForwardRequest request() {
    return new WalkForwardRequest(
        range.from,
        range.to,
        LogRange.orEmpty(range.users),
        LogRange.orEmpty(range.symbols),
        inSample,
        outOfSample,
        step,
        windows,
        thresholds == null ? List.of() : thresholds,
        LogRange.orEmpty(halfLives),
        LogRange.orEmpty(schemes),
        LogRange.orEmpty(models),
        objective,
        minTrades,
        range.joinHorizon);
  }
}
