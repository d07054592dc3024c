package io.hivemind.cli.replay;

import io.hivemind.cli.CliException;
import io.hivemind.cli.StackSettings;
import io.hivemind.replay.CodeVersion;
import io.hivemind.replay.Replay;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.schema.AvroSerdes;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What both replay commands read: the log's range and filters, where the report goes, and whether
 * the results are printed as JSON. Their settings are validated by the one validator the HTTP API
 * uses; a refusal names the option it came from and exits 2.
 */
final class LogRange {

  @Option(
      names = "--from",
      paramLabel = "T1",
      description =
          "The range's start in record time (when the cloud got the event): 2026-11-01 or"
              + " 2026-11-01T09:30:00Z.")
  String from;

  @Option(names = "--to", paramLabel = "T2", description = "The range's end, as --from.")
  String to;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The directory the report is written to (required).")
  Path out;

  @Option(
      names = "--users",
      paramLabel = "U",
      split = ",",
      description = "Only these users' events (default: everyone's).")
  List<String> users;

  @Option(
      names = "--symbols",
      paramLabel = "S",
      split = ",",
      description = "Only these symbols (default: all).")
  List<String> symbols;

  @Option(
      names = "--join-horizon",
      paramLabel = "DURATION",
      description = "How long an outcome may follow its signal (default: the learner's, 24h).")
  String joinHorizon;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--json",
      description =
          "Print the report (report.json's content) on standard output instead of the table.")
  boolean json;

  static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  /** The output directory, or a usage error saying it is required. */
  Path out(CommandSpec spec) {
    if (out == null) {
      throw new ParameterException(
          spec.commandLine(), "--out: is required (the directory to write the report to)");
    }
    return out;
  }

  /**
   * A refusal of the settings as a usage error, each violation named by the option that set it
   * ({@code half_lives} is {@code --half-lives}).
   */
  static ParameterException refused(CommandSpec spec, InvalidSettingsException refusal) {
    String message =
        refusal.violations().stream()
            .map(
                violation -> {
                  String option = "--" + violation.field().replace('_', '-');
                  String named = spec.findOption(option) != null ? option : violation.field();
                  return named + ": " + violation.message();
                })
            .collect(Collectors.joining(System.lineSeparator()));
    return new ParameterException(spec.commandLine(), message, refusal);
  }

  /** The stack's log and registry, as the services read them (secured clusters included). */
  static Replay replay(StackSettings stack) {
    return new Replay(
        stack.kafka().connection(),
        AvroSerdes.registry(stack.registryApi().toString()),
        stack.kafka().topics(),
        CodeVersion.current());
  }

  /** A run that failed for a reason other than its arguments. */
  static CliException failed(String command, Exception cause) {
    return new CliException(command + " failed: " + cause);
  }
}
