package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.quality.QualityBenchmark;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "quality",
    sortOptions = false,
    description =
        "Brier / calibration of the served confidence vs the simulator's truth at 1k/10k/100k")
final class QualityCommand extends BenchmarkCommand<QualityBenchmark.Settings> {

  @Option(
      names = "--bots",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Simulated users, one elite API key each (default: ${DEFAULT-VALUE}).")
  int bots;

  @Option(
      paramLabel = "N",
      names = "--seed",
      defaultValue = "7",
      description = "The simulated world's seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--probes",
      defaultValue = "2000",
      paramLabel = "N",
      description = "Held-out opportunities asked at each checkpoint (default: ${DEFAULT-VALUE}).")
  int probes;

  @Option(
      names = "--checkpoints",
      defaultValue = "1000,10000,100000",
      split = ",",
      paramLabel = "N",
      description =
          "Experiences learned when the probes are asked, comma-separated"
              + " (default: ${DEFAULT-VALUE}).")
  List<Integer> checkpoints;

  @Option(
      names = "--sample",
      defaultValue = QualityBenchmark.SPREAD,
      paramLabel = "spread|earliest",
      description =
          "spread: each checkpoint learns a uniform sample of the 25 days the probes are asked"
              + " about; earliest: the earliest experiences (default: ${DEFAULT-VALUE}).")
  String sample;

  @Override
  QualityBenchmark.Settings settings(Stack stack) {
    return new QualityBenchmark.Settings(
        atLeast("--bots", bots, 1),
        seed,
        atLeast("--probes", probes, 1),
        eachAtLeast("--checkpoints", checkpoints, 1),
        oneOf("--sample", sample, QualityBenchmark.SPREAD, QualityBenchmark.EARLIEST));
  }

  @Override
  void run(Stack stack, QualityBenchmark.Settings settings) throws Exception {
    new QualityBenchmark().run(stack, settings);
  }
}
