package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.freshness.FreshnessBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "freshness",
    sortOptions = false,
    description = "outcome POST -> visible in the confidence answer, p50/p99 (--trades 250)")
final class FreshnessCommand extends BenchmarkCommand<FreshnessBenchmark.Settings> {

  @Option(
      names = "--trades",
      defaultValue = "250",
      paramLabel = "N",
      description = "Trades posted and awaited one at a time (default: ${DEFAULT-VALUE}).")
  int trades;

  @Override
  FreshnessBenchmark.Settings settings(Stack stack) {
    return new FreshnessBenchmark.Settings(atLeast("--trades", trades, 1));
  }

  @Override
  void run(Stack stack, FreshnessBenchmark.Settings settings) throws Exception {
    new FreshnessBenchmark().run(stack, settings);
  }
}
