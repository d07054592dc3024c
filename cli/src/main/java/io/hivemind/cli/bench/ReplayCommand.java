package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.replay.ReplayBenchmark;
import io.hivemind.replay.settings.Durations;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "replay",
    sortOptions = false,
    description =
        "the analyst's replay over a backlog (live settings, optionally a sweep) vs a plain"
            + " consumer")
final class ReplayCommand extends BenchmarkCommand<ReplayBenchmark.Plan> {

  @Mixin BacklogOptions backlog;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Partitions of the backlog's topics, 1 to 1024 (default: the stack's).")
  Integer partitions;

  @Option(
      names = "--thresholds",
      split = ",",
      paramLabel = "T",
      description =
          "Add a second replay, a sweep deciding at these thresholds, e.g. 0.5,0.55,0.6,0.65"
              + " (default: no sweep).")
  List<Double> thresholds;

  @Option(
      names = "--half-lives",
      split = ",",
      paramLabel = "DURATION",
      description =
          "Add a sweep with a variant per half-life, e.g. 30d,60d (default: no sweep; the live"
              + " half-life in a sweep of --thresholds).")
  List<Duration> halfLives;

  @Option(
      names = "--baseline",
      defaultValue = "true",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Also read the backlog with a plain consumer, the baseline (default: ${DEFAULT-VALUE}).")
  boolean baseline;

  @Option(
      names = "--prefix",
      paramLabel = "PREFIX",
      description =
          "Reuse the backlog an earlier run kept (--keep true) in these topics instead of writing"
              + " one (default: write a new one).")
  String prefix;

  @Option(
      names = "--keep",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Keep the backlog's topics for a later --prefix (default: true with --prefix, else"
              + " false).")
  Boolean keep;

  @Override
  ReplayBenchmark.Plan settings(Stack stack) {
    return new ReplayBenchmark.Plan(
        backlog.spec(this),
        between("--partitions", partitions == null ? stack.partitions() : partitions, 1, 1024),
        thresholds,
        halfLives == null ? null : halfLives.stream().map(Durations::format).toList(),
        baseline,
        prefix,
        keep == null ? prefix != null : keep);
  }

  @Override
  void run(Stack stack, ReplayBenchmark.Plan plan) throws Exception {
    new ReplayBenchmark().run(stack, plan);
  }
}
