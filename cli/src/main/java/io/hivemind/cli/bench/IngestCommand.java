package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.ingest.IngestBenchmark;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "ingest",
    sortOptions = false,
    description =
        "gateway events/s, one per POST and batched, beside a no-op POST and Kafka's"
            + " ProducerPerformance")
final class IngestCommand extends BenchmarkCommand<IngestBenchmark.Settings> {

  @Option(
      paramLabel = "DURATION",
      names = "--duration",
      defaultValue = "30s",
      description = "Measured time of each phase, at least 1s (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      paramLabel = "DURATION",
      names = "--warmup",
      defaultValue = "10s",
      description = "Warm-up before each phase, not measured (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(
      names = "--connections",
      defaultValue = "64",
      paramLabel = "N",
      description = "Connections of the one-event-per-POST phases (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--batch",
      defaultValue = "500",
      paramLabel = "N",
      description =
          "Events per batched POST, 1 to 1000 (the gateway's hivemind.ingest.max-batch)"
              + " (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--batch-connections",
      defaultValue = "8",
      paramLabel = "N",
      description = "Connections of the batched phases (default: ${DEFAULT-VALUE}).")
  int batchConnections;

  @Option(
      names = "--users",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Users, one elite API key each: the gateway allows a key 500 requests/s, so the rate is"
              + " at most users × 500 (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--producer-records",
      defaultValue = "2000000",
      paramLabel = "N",
      description =
          "Records Kafka's own ProducerPerformance sends, at least 1000"
              + " (default: ${DEFAULT-VALUE}).")
  int producerRecords;

  @Override
  IngestBenchmark.Settings settings(Stack stack) {
    return new IngestBenchmark.Settings(
        atLeast("--duration", duration, Duration.ofSeconds(1)),
        warmup,
        atLeast("--connections", connections, 1),
        between("--batch", batch, 1, 1000),
        atLeast("--batch-connections", batchConnections, 1),
        atLeast("--users", users, 1),
        atLeast("--producer-records", producerRecords, 1000));
  }

  @Override
  void run(Stack stack, IngestBenchmark.Settings settings) throws Exception {
    new IngestBenchmark().run(stack, settings);
  }
}
