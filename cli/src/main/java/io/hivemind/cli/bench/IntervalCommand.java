package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.interval.IntervalBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "interval",
    sortOptions = false,
    description =
        "the credible interval's cost per answer, learning-core's Beta quantiles beside"
            + " commons-math's (no stack; --pairs 20000 --rounds 7)")
final class IntervalCommand extends BenchmarkCommand<IntervalBenchmark.Settings> {

  @Option(
      names = "--pairs",
      defaultValue = "20000",
      paramLabel = "N",
      description =
          "(α, β) pairs each side computes an interval for, a round (default: ${DEFAULT-VALUE}).")
  int pairs;

  @Mixin RoundsOption rounds;

  @Override
  IntervalBenchmark.Settings settings(Stack stack) {
    return new IntervalBenchmark.Settings(
        atLeast("--pairs", pairs, 1), atLeast("--rounds", rounds.rounds, 1));
  }

  @Override
  void run(Stack stack, IntervalBenchmark.Settings settings) {
    new IntervalBenchmark().run(settings);
  }
}
