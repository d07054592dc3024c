package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.ingest.Events;
import io.hivemind.bench.query.QueryBenchmark;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "query",
    sortOptions = false,
    description =
        "win_probability max QPS alone and latency at fixed rates while ingesting, beside a no-op"
            + " GET")
final class QueryCommand extends BenchmarkCommand<QueryBenchmark.Settings> {

  @Option(
      paramLabel = "DURATION",
      names = "--duration",
      defaultValue = "20s",
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
      description = "Connections of the maximum-rate phases (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--rates",
      defaultValue = "500,2000,5000",
      split = ",",
      paramLabel = "QPS",
      description =
          "The open loop's fixed rates, requests/s, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(
      names = "--open-connections",
      defaultValue = "64",
      paramLabel = "N",
      description = "Connections of the open loop (default: ${DEFAULT-VALUE}).")
  int openConnections;

  @Option(
      names = "--ingest-rate",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Events/s posted to the gateway during the fixed-rate phases, 0 for none"
              + " (default: ${DEFAULT-VALUE}).")
  int ingestRate;

  @Option(
      names = "--ingest-mix",
      defaultValue = QueryBenchmark.SIGNALS,
      paramLabel = "signals|pairs",
      description =
          "What that ingest posts: signals only, or pairs (a signal and its outcome per trade)"
              + " (default: ${DEFAULT-VALUE}).")
  String ingestMix;

  @Option(
      names = "--users",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Users asked for, one elite API key each (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--symbols",
      defaultValue = "3",
      paramLabel = "N",
      description = "Symbols asked for, 1 to 4 (default: ${DEFAULT-VALUE}).")
  int symbols;

  @Option(
      names = "--trades",
      defaultValue = "4",
      paramLabel = "N",
      description =
          "Trades per user and symbol seeded before measuring (default: ${DEFAULT-VALUE}).")
  int trades;

  @Option(
      paramLabel = "DURATION",
      names = "--seed-wait",
      defaultValue = "300s",
      description =
          "How long to wait for the seed to be learned, at least 1s (default: ${DEFAULT-VALUE}).")
  Duration seedWait;

  @Override
  QueryBenchmark.Settings settings(Stack stack) {
    for (double rate : rates) {
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw usage("--rates must be positive rates (500,2000,5000), got " + rate);
      }
    }
    return new QueryBenchmark.Settings(
        atLeast("--duration", duration, Duration.ofSeconds(1)),
        warmup,
        atLeast("--connections", connections, 1),
        rates,
        atLeast("--open-connections", openConnections, 1),
        atLeast("--ingest-rate", ingestRate, 0),
        oneOf("--ingest-mix", ingestMix, QueryBenchmark.SIGNALS, QueryBenchmark.PAIRS),
        atLeast("--users", users, 1),
        between("--symbols", symbols, 1, Events.SYMBOLS.size()),
        atLeast("--trades", trades, 1),
        atLeast("--seed-wait", seedWait, Duration.ofSeconds(1)));
  }

  @Override
  void run(Stack stack, QueryBenchmark.Settings settings) throws Exception {
    new QueryBenchmark().run(stack, settings);
  }
}
