package io.hivemind.cli.bench;

import io.hivemind.bench.Stack;
import io.hivemind.bench.ingest.EventPartsBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "event-parts",
    sortOptions = false,
    description =
        "the gateway's work on one signal part by part: binding, validation, mapping, Avro"
            + " encoding, beside Jackson parsing the body to a tree (no stack; --events 20000"
            + " --rounds 7)")
final class EventPartsCommand extends BenchmarkCommand<EventPartsBenchmark.Settings> {

  @Option(
      names = "--events",
      defaultValue = "20000",
      paramLabel = "N",
      description = "Signal bodies each part runs over, a round (default: ${DEFAULT-VALUE}).")
  int events;

  @Mixin RoundsOption rounds;

  @Override
  EventPartsBenchmark.Settings settings(Stack stack) {
    return new EventPartsBenchmark.Settings(
        atLeast("--events", events, 1), atLeast("--rounds", rounds.rounds, 1));
  }

  @Override
  void run(Stack stack, EventPartsBenchmark.Settings settings) {
    new EventPartsBenchmark().run(settings);
  }
}
