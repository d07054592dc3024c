package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.restore.RestoreBenchmark;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "restore",
    sortOptions = false,
    description =
        "confidence-query from empty state over N user-stats rows vs empty topics and a plain"
            + " consumer")
final class RestoreCommand extends BenchmarkCommand<RestoreBenchmark.Plan> {

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "User-stats rows to restore, at least 1 (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--rows-per-user",
      defaultValue = "250",
      paramLabel = "N",
      description = "Rows of each user, 1 to 7708 (default: ${DEFAULT-VALUE}).")
  int rowsPerUser;

  @Option(
      names = "--community-rows",
      defaultValue = "15000",
      paramLabel = "N",
      description = "Community-stats rows beside them, 0 to 15416 (default: ${DEFAULT-VALUE}).")
  int communityRows;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Partitions of the topics, 1 to 1024 (default: the stack's).")
  Integer partitions;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "Port of the confidence-query instances it starts, 1024 to 65535 (default: the stack's"
              + " query port + 100).")
  Integer port;

  @Option(
      paramLabel = "DURATION",
      names = "--timeout",
      defaultValue = "10m",
      description =
          "Give up on an instance that is not ready and answering by then"
              + " (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--baseline",
      defaultValue = "true",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Also time the service over empty topics and a plain consumer, the baselines"
              + " (default: ${DEFAULT-VALUE}).")
  boolean baseline;

  @Override
  RestoreBenchmark.Plan settings(Stack stack) {
    return new RestoreBenchmark.Plan(
        atLeast("--rows", rows, 1),
        between("--rows-per-user", rowsPerUser, 1, 7_708),
        between("--community-rows", communityRows, 0, 15_416),
        between("--partitions", partitions == null ? stack.partitions() : partitions, 1, 1024),
        between("--port", port == null ? RestoreBenchmark.defaultPort(stack) : port, 1024, 65_535),
        atLeast("--timeout", timeout, Duration.ofMillis(1)),
        baseline);
  }

  @Override
  void run(Stack stack, RestoreBenchmark.Plan plan) throws Exception {
    new RestoreBenchmark().run(stack, plan);
  }
}
