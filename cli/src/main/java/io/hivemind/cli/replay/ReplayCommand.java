package io.hivemind.cli.replay;

import io.hivemind.cli.StackSettings;
import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayOutput;
import io.hivemind.replay.ReplayResult;
import io.hivemind.replay.report.ReportJson;
import io.hivemind.replay.report.ReportTables;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.SettingsValidator;
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
 * {@code ./hivemind replay}: checks the settings against the log, walks it with progress on
 * standard error, writes the report files and prints the results side by side (or the report as
 * JSON). Its settings are the HTTP API's ({@link ReplayRequest}), validated by the same validator.
 */
@Command(
    name = "replay",
    sortOptions = false,
    description =
        "Replays the event log through the learning and the confidence answer, as they are now,"
            + " and reports what each threshold would have taken, beside what the bots did.",
    footer = {
      "",
      "Lists are comma-separated: --thresholds 0.6,0.65,0.7. Writes DIR/report.json,"
          + " DIR/report.html and DIR/decisions.csv.",
      "Walk-forward optimisation: ./hivemind replay walk-forward --help",
      "Exit codes: 0 the report is written, 1 the run failed (the stack not reachable), 2 a usage"
          + " error (the option named)."
    },
    subcommands = WalkForwardCommand.class)
public final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LogRange range;

  @Option(
      names = {"--thresholds", "--threshold"},
      paramLabel = "P",
      split = ",",
      description = "Confidence thresholds to judge, each between 0 and 1 (default: 0.5).")
  List<Double> thresholds;

  @Option(
      names = {"--half-lives", "--half-life"},
      paramLabel = "DURATION",
      split = ",",
      description = "Ways of forgetting to learn with side by side: 30d,60d (default: live's).")
  List<String> halfLives;

  @Option(
      names = {"--schemes", "--scheme"},
      paramLabel = "SCHEME",
      split = ",",
      description = "Pattern schemes to learn with side by side (default: live's, v1).")
  List<String> schemes;

  @Option(
      names = "--model",
      paramLabel = "pattern|challenger",
      description =
          "Whose confidence the thresholds decide on (default: pattern, live's); both models are"
              + " scored side by side either way.")
  String model;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = range.out(spec);
    ReplaySettings settings;
    try {
      settings = SettingsValidator.validate(request());
    } catch (InvalidSettingsException e) {
      throw LogRange.refused(spec, e);
    }
    ReplayResult result;
    try {
      Replay replay = LogRange.replay(StackSettings.of(spec));
      Replay.Plan plan = replay.plan(settings);
      err.printf("replaying %,d records into %s%n", plan.records(), dir);
      err.flush();
      result =
          replay.run(
              plan,
              progress -> {
                err.println("  " + progress);
                err.flush();
              },
              () -> false);
      ReplayOutput.write(settings, result, dir);
    } catch (InvalidSettingsException e) {
      throw LogRange.refused(spec, e);
    } catch (Exception e) {
      throw LogRange.failed("replay", e);
    }
    if (range.json) {
      out.println(ReportJson.render(result.report()));
    } else {
      ReportTables.print(result.report(), out);
      out.println(
          "Wrote "
              + dir.resolve(ReplayOutput.REPORT_JSON)
              + ", "
              + ReplayOutput.REPORT_HTML
              + " and "
              + ReplayOutput.DECISIONS_CSV);
    }
    return 0;
  }

  ReplayRequest request() {
    return new ReplayRequest(
        range.from,
        range.to,
        LogRange.orEmpty(range.users),
        LogRange.orEmpty(range.symbols),
        thresholds == null ? List.of() : thresholds,
        LogRange.orEmpty(halfLives),
        LogRange.orEmpty(schemes),
        range.joinHorizon,
        model);
  }
}
