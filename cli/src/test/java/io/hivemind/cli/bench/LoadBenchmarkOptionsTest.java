package io.hivemind.cli.bench;

import static io.hivemind.cli.bench.BenchCommandTest.NOWHERE;
import static io.hivemind.cli.bench.BenchCommandTest.bench;
import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.bench.ingest.IngestBenchmark;
import io.hivemind.bench.query.QueryBenchmark;
import io.hivemind.cli.CommandLines;
import io.hivemind.cli.CommandLines.Run;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The options of the load benchmarks (ingest, query): typed, defaulted, checked. */
class LoadBenchmarkOptionsTest {

  private static IngestBenchmark.Settings ingest(String... args) {
    IngestCommand command = CommandLines.parse(IngestCommand.class, NOWHERE, line("ingest", args));
    return command.settings(BenchmarkCommand.stack(CommandLines.settings(NOWHERE)));
  }

  private static QueryBenchmark.Settings query(String... args) {
    QueryCommand command = CommandLines.parse(QueryCommand.class, NOWHERE, line("query", args));
    return command.settings(BenchmarkCommand.stack(CommandLines.settings(NOWHERE)));
  }

  static String[] line(String benchmark, String... args) {
    String[] line = new String[args.length + 2];
    line[0] = "bench";
    line[1] = benchmark;
    System.arraycopy(args, 0, line, 2, args.length);
    return line;
  }

  @Test
  void shouldDefaultEveryIngestOptionAsBefore() {
    assertThat(ingest())
        .isEqualTo(
            new IngestBenchmark.Settings(
                Duration.ofSeconds(30), Duration.ofSeconds(10), 64, 500, 8, 1000, 2_000_000));
  }

  @Test
  void shouldReadIngestOptionsInBothForms() {
    IngestBenchmark.Settings settings =
        ingest(
            "--duration=2m",
            "--warmup",
            "500ms",
            "--connections",
            "32",
            "--batch=1000",
            "--batch-connections",
            "2",
            "--users",
            "10",
            "--producer-records",
            "1000");

    assertThat(settings)
        .isEqualTo(
            new IngestBenchmark.Settings(
                Duration.ofMinutes(2), Duration.ofMillis(500), 32, 1000, 2, 10, 1000));
  }

  @Test
  void shouldDefaultEveryQueryOptionAsBefore() {
    QueryBenchmark.Settings settings = query();

    assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.warmup()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.connections()).isEqualTo(64);
    assertThat(settings.rates()).containsExactly(500.0, 2000.0, 5000.0);
    assertThat(settings.openConnections()).isEqualTo(64);
    assertThat(settings.ingestRate()).isEqualTo(1000);
    assertThat(settings.ingestMix()).isEqualTo(QueryBenchmark.SIGNALS);
    assertThat(settings.users()).isEqualTo(1000);
    assertThat(settings.symbols()).isEqualTo(3);
    assertThat(settings.trades()).isEqualTo(4);
    assertThat(settings.seedWait()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void shouldReadQueryOptions() {
    QueryBenchmark.Settings settings =
        query(
            "--rates",
            "1,2.5",
            "--ingest-rate",
            "0",
            "--ingest-mix=pairs",
            "--symbols",
            "4",
            "--seed-wait",
            "2h",
            "--open-connections",
            "8",
            "--trades",
            "1");

    assertThat(settings.rates()).containsExactly(1.0, 2.5);
    assertThat(settings.ingestRate()).isZero();
    assertThat(settings.ingestMix()).isEqualTo(QueryBenchmark.PAIRS);
    assertThat(settings.symbols()).isEqualTo(4);
    assertThat(settings.seedWait()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.openConnections()).isEqualTo(8);
    assertThat(settings.trades()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "ingest | --connections 0        | --connections must be ≥ 1, got 0",
        "ingest | --connections many     | Invalid value for option '--connections': 'many'",
        "ingest | --duration 500ms       | --duration must be ≥ 1s, got 500ms",
        "ingest | --duration 30          | '30' is not a whole number and a unit",
        "ingest | --warmup 1.5s          | --warmup",
        "ingest | --batch 1001           | --batch must be between 1 and 1000, got 1001",
        "ingest | --batch-connections 0  | --batch-connections must be ≥ 1, got 0",
        "ingest | --users 0              | --users must be ≥ 1, got 0",
        "ingest | --producer-records 999 | --producer-records must be ≥ 1000, got 999",
        "query  | --rates 500,-1         | --rates must be positive rates (500,2000,5000), got -1",
        "query  | --rates 500,x          | Invalid value for option '--rates'",
        "query  | --ingest-rate -1       | --ingest-rate must be ≥ 0, got -1",
        "query  | --ingest-mix both      | --ingest-mix must be signals or pairs, got 'both'",
        "query  | --symbols 5            | --symbols must be between 1 and 4, got 5",
        "query  | --open-connections 0   | --open-connections must be ≥ 1, got 0",
        "query  | --trades 0             | --trades must be ≥ 1, got 0",
        "query  | --seed-wait 0s         | --seed-wait must be ≥ 1s, got 0s",
        "query  | --duration=0s          | --duration must be ≥ 1s, got 0s",
      })
  void shouldRefuseABadValueAsAUsageErrorNamingTheOption(
      String benchmark, String option, String message) {
    String[] words = option.split(" ");
    String[] args = new String[words.length + 1];
    args[0] = benchmark;
    System.arraycopy(words, 0, args, 1, words.length);

    Run run = bench(args);

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("Usage: hivemind bench " + benchmark);
  }
}
