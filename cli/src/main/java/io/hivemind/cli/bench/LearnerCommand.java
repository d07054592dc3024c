package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.learner.LearnerBenchmark;
import io.hivemind.bench.learner.StreamsSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "learner",
    sortOptions = false,
    description =
        "learning topology replaying a backlog (exactly_once_v2, at_least_once) vs a plain"
            + " consumer")
final class LearnerCommand extends BenchmarkCommand<LearnerBenchmark.Plan> {

  @Mixin BacklogOptions backlog;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Partitions of the backlog's topics, 1 to 1024 (default: the stack's).")
  Integer partitions;

  @Option(
      names = "--guarantees",
      defaultValue = "exactly_once_v2,at_least_once",
      split = ",",
      paramLabel = "GUARANTEE",
      description =
          "A run under each processing guarantee, exactly_once_v2 and/or at_least_once"
              + " (default: ${DEFAULT-VALUE}).")
  List<String> guarantees;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "Kafka Streams threads, 1 to 64 (default: ${DEFAULT-VALUE}, as live).")
  int threads;

  @Option(
      names = "--commit-interval",
      defaultValue = "50",
      paramLabel = "MS",
      description =
          "Kafka Streams' commit interval in milliseconds, at least 1"
              + " (default: ${DEFAULT-VALUE}, as live).")
  long commitInterval;

  @Option(
      names = "--cache-bytes",
      paramLabel = "BYTES",
      description = "Kafka Streams' state store cache, at least 0 (default: Kafka Streams').")
  Long cacheBytes;

  @Option(
      names = "--streams",
      defaultValue = "",
      paramLabel = "K=V[,K=V...]",
      description = "Any other Kafka Streams setting, e.g. producer.linger.ms=5 (default: none).")
  String streams;

  @Option(
      names = "--baseline",
      defaultValue = "true",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Also read the backlog with a plain consumer, the baseline (default: ${DEFAULT-VALUE}).")
  boolean baseline;

  @Option(
      paramLabel = "DURATION",
      names = "--timeout",
      defaultValue = "15m",
      description =
          "Give up on a run that has not committed the backlog by then"
              + " (default: ${DEFAULT-VALUE}).")
  Duration timeout;

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
  LearnerBenchmark.Plan settings(Stack stack) {
    return new LearnerBenchmark.Plan(
        backlog.spec(this),
        between("--partitions", partitions == null ? stack.partitions() : partitions, 1, 1024),
        guarantees,
        StreamsSettings.overrides(
            between("--threads", threads, 1, 64),
            atLeast("--commit-interval", commitInterval, 1),
            cacheBytes == null ? null : atLeast("--cache-bytes", cacheBytes, 0),
            streams),
        baseline,
        atLeast("--timeout", timeout, Duration.ofMillis(1)),
        prefix,
        keep == null ? prefix != null : keep);
  }

  @Override
  void run(Stack stack, LearnerBenchmark.Plan plan) throws Exception {
    new LearnerBenchmark().run(stack, plan);
  }
}
