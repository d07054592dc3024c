package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.state.JoinStateBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "join-state",
    sortOptions = false,
    description =
        "the learner's join state over simulated months, beside never forgetting"
            + " (--days 120 --trades-per-day 2000)")
final class JoinStateCommand extends BenchmarkCommand<JoinStateBenchmark.Settings> {

  @Option(
      names = "--days",
      defaultValue = "120",
      paramLabel = "N",
      description = "Simulated days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--trades-per-day",
      defaultValue = "2000",
      paramLabel = "N",
      description = "Trades a simulated day (default: ${DEFAULT-VALUE}).")
  int tradesPerDay;

  @Override
  JoinStateBenchmark.Settings settings(Stack stack) {
    return new JoinStateBenchmark.Settings(
        atLeast("--days", days, 1), atLeast("--trades-per-day", tradesPerDay, 1));
  }

  @Override
  void run(Stack stack, JoinStateBenchmark.Settings settings) throws Exception {
    new JoinStateBenchmark().run(settings);
  }
}
