package io.hivemind.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hivemind bench <name> [options]}: one benchmark against the running stack (BENCHMARKS.md
 * says what each measures and prints). Alone, it lists the benchmarks.
 */
@Command(
    name = "bench",
    description =
        "Run one benchmark against the stack: each prints its figure beside a baseline measured in"
            + " the same run (BENCHMARKS.md).",
    synopsisSubcommandLabel = "<name>",
    footer = {
      "",
      "Options: ./hivemind bench <name> --help. Durations are a whole number and a unit: 500ms,"
          + " 30s, 5m, 2h or 7d.",
      "Exit codes: 0 done, 1 the stack could not be reached or refused, or the run failed, 2 a"
          + " usage error."
    },
    subcommands = {
      IngestCommand.class,
      QueryCommand.class,
      LearnerCommand.class,
      ReplayCommand.class,
      RestoreCommand.class,
      FreshnessCommand.class,
      QualityCommand.class,
      JoinStateCommand.class,
      ScoringCommand.class,
      IntervalCommand.class,
      EventPartsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /** No benchmark named: the list of them. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
