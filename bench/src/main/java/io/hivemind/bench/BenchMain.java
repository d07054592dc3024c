package io.hivemind.bench;

import io.hivemind.bench.freshness.FreshnessBenchmark;
import io.hivemind.bench.ingest.IngestBenchmark;
import io.hivemind.bench.learner.LearnerBenchmark;
import io.hivemind.bench.quality.QualityBenchmark;
import io.hivemind.bench.query.QueryBenchmark;
import io.hivemind.bench.replay.ReplayBenchmark;
import io.hivemind.bench.restore.RestoreBenchmark;
import io.hivemind.bench.scoring.ScoringBenchmark;
import io.hivemind.bench.state.JoinStateBenchmark;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code ./hivemind bench <name> [--option value]…}: runs one benchmark against the stack. */
public final class BenchMain {

  /** Every benchmark, in the order BENCHMARKS.md lists them. */
  static final List<Benchmark> BENCHMARKS =
      List.of(
          new IngestBenchmark(),
          new QueryBenchmark(),
          new LearnerBenchmark(),
          new ReplayBenchmark(),
          new RestoreBenchmark(),
          new FreshnessBenchmark(),
          new QualityBenchmark(),
          new JoinStateBenchmark(),
          new ScoringBenchmark());

  private BenchMain() {}

  /** Exit codes as everywhere in ./hivemind: 0 done, 1 it failed, 2 a usage error. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || HELP.contains(args[0])) {
      usage();
      return;
    }
    Optional<Benchmark> named =
        BENCHMARKS.stream().filter(b -> b.name().equals(args[0])).findFirst();
    if (named.isEmpty()) {
      System.err.println("bench: no benchmark named " + args[0] + " (./hivemind bench --help)");
      System.exit(2);
    }
    Benchmark benchmark = named.get();
    if (Arrays.stream(args).skip(1).anyMatch(HELP::contains)) {
      System.out.printf(
          "Usage: ./hivemind bench %s [--option value]...%n  %s%n  Its options and what it"
              + " prints: BENCHMARKS.md, \"Reproducing each figure\".%n",
          benchmark.name(), benchmark.description());
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, 1);
    } catch (IllegalArgumentException e) {
      System.err.println("bench " + benchmark.name() + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    benchmark.run(Stack.fromEnvironment(), options);
  }

  private static final List<String> HELP = List.of("help", "--help", "-h");

  private static void usage() {
    System.out.println("Usage: ./hivemind bench <name> [--option value]...");
    for (Benchmark benchmark : BENCHMARKS) {
      System.out.printf("  %-10s %s%n", benchmark.name(), benchmark.description());
    }
  }
}
