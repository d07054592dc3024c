package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.scoring.ScoringBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "scoring",
    sortOptions = false,
    description =
        "the challenger's cost per answer, in shadow and served, beside the pattern model's alone"
            + " (no stack; --experiences 100000 --questions 20000 --rounds 7)")
final class ScoringCommand extends BenchmarkCommand<ScoringBenchmark.Settings> {

  @Option(
      names = "--experiences",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Experiences learned first (default: ${DEFAULT-VALUE}).")
  int experiences;

  @Option(
      names = "--questions",
      defaultValue = "20000",
      paramLabel = "N",
      description = "Questions answered by each variant in a round (default: ${DEFAULT-VALUE}).")
  int questions;

  @Mixin RoundsOption rounds;

  @Override
  ScoringBenchmark.Settings settings(Stack stack) {
    return new ScoringBenchmark.Settings(
        atLeast("--experiences", experiences, 1),
        atLeast("--questions", questions, 1),
        atLeast("--rounds", rounds.rounds, 1));
  }

  @Override
  void run(Stack stack, ScoringBenchmark.Settings settings) {
    new ScoringBenchmark().run(settings);
  }
}
