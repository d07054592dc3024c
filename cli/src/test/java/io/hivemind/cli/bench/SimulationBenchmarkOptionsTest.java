package io.hivemind.cli.bench;

import static io.hivemind.cli.bench.BenchCommandTest.NOWHERE;
import static io.hivemind.cli.bench.BenchCommandTest.bench;
import static io.hivemind.cli.bench.LoadBenchmarkOptionsTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.bench.Stack;
import io.hivemind.bench.freshness.FreshnessBenchmark;
import io.hivemind.bench.quality.QualityBenchmark;
import io.hivemind.bench.scoring.ScoringBenchmark;
import io.hivemind.bench.state.JoinStateBenchmark;
import io.hivemind.cli.CommandLines;
import io.hivemind.cli.CommandLines.Run;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The options of freshness, quality, join-state and scoring: typed, defaulted, checked. */
class SimulationBenchmarkOptionsTest {

  private static final Stack STACK = BenchmarkCommand.stack(CommandLines.settings(NOWHERE));

  private static <S> S settings(
      Class<? extends BenchmarkCommand<S>> command, String benchmark, String... args) {
    return CommandLines.parse(command, NOWHERE, line(benchmark, args)).settings(STACK);
  }

  @Test
  void shouldDefaultEveryOptionAsBefore() {
    assertThat(settings(FreshnessCommand.class, "freshness"))
        .isEqualTo(new FreshnessBenchmark.Settings(250));
    assertThat(settings(QualityCommand.class, "quality"))
        .isEqualTo(
            new QualityBenchmark.Settings(1000, 7, 2000, List.of(1000, 10_000, 100_000), "spread"));
    assertThat(settings(JoinStateCommand.class, "join-state"))
        .isEqualTo(new JoinStateBenchmark.Settings(120, 2000));
    assertThat(settings(ScoringCommand.class, "scoring"))
        .isEqualTo(new ScoringBenchmark.Settings(100_000, 20_000, 7));
  }

  @Test
  void shouldReadEveryOption() {
    assertThat(settings(FreshnessCommand.class, "freshness", "--trades=3"))
        .isEqualTo(new FreshnessBenchmark.Settings(3));
    assertThat(
            settings(
                QualityCommand.class,
                "quality",
                "--bots",
                "50",
                "--seed",
                "8000000000",
                "--probes",
                "20",
                "--checkpoints",
                "10000,1000",
                "--sample",
                "earliest"))
        .isEqualTo(
            new QualityBenchmark.Settings(
                50, 8_000_000_000L, 20, List.of(10_000, 1000), "earliest"));
    assertThat(
            settings(
                JoinStateCommand.class, "join-state", "--days", "60", "--trades-per-day", "100"))
        .isEqualTo(new JoinStateBenchmark.Settings(60, 100));
    assertThat(
            settings(
                ScoringCommand.class,
                "scoring",
                "--experiences",
                "2000",
                "--questions",
                "500",
                "--rounds",
                "1"))
        .isEqualTo(new ScoringBenchmark.Settings(2000, 500, 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "freshness  | --trades 0               | --trades must be ≥ 1, got 0",
        "quality    | --bots 0                 | --bots must be ≥ 1, got 0",
        "quality    | --probes -5              | --probes must be ≥ 1, got -5",
        "quality    | --checkpoints 1000,0     | --checkpoints must be ≥ 1, got 0",
        "quality    | --checkpoints 1k         | Invalid value for option '--checkpoints'",
        "quality    | --sample random          | --sample must be spread or earliest, got 'random'",
        "join-state | --days 0                 | --days must be ≥ 1, got 0",
        "join-state | --trades-per-day 0       | --trades-per-day must be ≥ 1, got 0",
        "scoring    | --experiences 0          | --experiences must be ≥ 1, got 0",
        "scoring    | --questions 0            | --questions must be ≥ 1, got 0",
        "scoring    | --rounds 0               | --rounds must be ≥ 1, got 0",
        "scoring    | --rounds                 | Missing required parameter for option '--rounds'",
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
