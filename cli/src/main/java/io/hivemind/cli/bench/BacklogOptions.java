package io.hivemind.cli.bench;

import io.hivemind.bench.backlog.BacklogSpec;
import picocli.CommandLine.Option;

/** The backlog the learner and replay benchmarks write into fresh topics and read back. */
final class BacklogOptions {

  static final String NOW = "now";
  static final String EVENT = "event";

  @Option(
      names = "--events",
      defaultValue = "1000000",
      paramLabel = "N",
      description =
          "Records to write: signals, outcomes and their retried copies, at least 2"
              + " (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--users",
      defaultValue = "2000",
      paramLabel = "N",
      description =
          "Bots the backlog's trades come from, 1 to 10000000 (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--days",
      defaultValue = "20",
      paramLabel = "N",
      description = "Days the trades span, 1 to 3650 (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      paramLabel = "N",
      names = "--seed",
      defaultValue = "42",
      description = "The same seed writes the same records (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--record-time",
      defaultValue = NOW,
      paramLabel = "now|event",
      description =
          "Each record's timestamp: now (the producer's clock, as the gateway writes) or event (its"
              + " event time: a backlog that accrued over the days) (default: ${DEFAULT-VALUE}).")
  String recordTime;

  BacklogSpec spec(BenchmarkCommand<?> command) {
    return BacklogSpec.of(
        command.atLeast("--events", events, 2),
        command.between("--users", users, 1, 10_000_000),
        command.between("--days", days, 1, 3650),
        seed,
        command.oneOf("--record-time", recordTime, NOW, EVENT).equals(EVENT));
  }
}
