package io.hivemind.cli.bench;

import picocli.CommandLine.Option;

/** {@code --rounds}, of the benchmarks that print each figure as the median of their rounds. */
final class RoundsOption {

  @Option(
      names = "--rounds",
      defaultValue = "7",
      paramLabel = "N",
      description = "Rounds; each figure is their median (default: ${DEFAULT-VALUE}).")
  int rounds;
}
