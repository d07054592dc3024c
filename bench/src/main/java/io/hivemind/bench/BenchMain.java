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
import java.util.List;

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

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("help")) {
      System.out.println("Usage: ./hivemind bench <name> [--option value]...");
      for (Benchmark benchmark : BENCHMARKS) {
        System.out.printf("  %-10s %s%n", benchmark.name(), benchmark.description());
      }
      return;
    }
    Benchmark benchmark =
        BENCHMARKS.stream()
            .filter(b -> b.name().equals(args[0]))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("no benchmark named " + args[0] + "; try help"));
    benchmark.run(Stack.fromEnvironment(), BenchOptions.parse(args, 1));
  }
}
