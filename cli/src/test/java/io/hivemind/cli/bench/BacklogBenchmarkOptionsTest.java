package io.hivemind.cli.bench;

import static io.hivemind.cli.bench.BenchCommandTest.NOWHERE;
import static io.hivemind.cli.bench.BenchCommandTest.bench;
import static io.hivemind.cli.bench.LoadBenchmarkOptionsTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.bench.backlog.BacklogSpec;
import io.hivemind.bench.learner.LearnerBenchmark;
import io.hivemind.bench.replay.ReplayBenchmark;
import io.hivemind.bench.restore.RestoreBenchmark;
import io.hivemind.cli.CommandLines;
import io.hivemind.cli.CommandLines.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The options of the benchmarks over fresh topics (learner, replay, restore): typed, defaulted
 * (some from the stack: its partitions, its query port), checked, and refused by the benchmark
 * itself where only it knows (a guarantee, a Kafka Streams setting, a sweep).
 */
class BacklogBenchmarkOptionsTest {

  private static LearnerBenchmark.Plan learner(String... args) {
    return CommandLines.parse(LearnerCommand.class, NOWHERE, line("learner", args))
        .settings(BenchmarkCommand.stack(CommandLines.settings(NOWHERE)));
  }

  private static ReplayBenchmark.Plan replay(String... args) {
    return CommandLines.parse(ReplayCommand.class, NOWHERE, line("replay", args))
        .settings(BenchmarkCommand.stack(CommandLines.settings(NOWHERE)));
  }

  private static RestoreBenchmark.Plan restore(String... args) {
    return CommandLines.parse(RestoreCommand.class, NOWHERE, line("restore", args))
        .settings(BenchmarkCommand.stack(CommandLines.settings(NOWHERE)));
  }

  @Test
  void shouldDefaultTheLearnerAsBeforeWithTheStacksPartitions() {
    LearnerBenchmark.Plan plan = learner();

    assertBacklog(plan.backlog(), 1_000_000, 2_000, 20, 42, false);
    assertThat(plan.partitions()).isEqualTo(12);
    assertThat(plan.guarantees()).containsExactly("exactly_once_v2", "at_least_once");
    assertThat(plan.overrides()).isEmpty();
    assertThat(plan.baseline()).isTrue();
    assertThat(plan.timeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(plan.reusePrefix()).isNull();
    assertThat(plan.keep()).isFalse();
  }

  @Test
  void shouldTurnTheLearnersSettingsIntoKafkaStreamsOverrides() {
    LearnerBenchmark.Plan plan =
        learner(
            "--events",
            "5000",
            "--users=30",
            "--days",
            "3",
            "--seed",
            "-1",
            "--record-time",
            "event",
            "--partitions",
            "2",
            "--guarantees",
            "at_least_once",
            "--threads",
            "2",
            "--commit-interval",
            "1000",
            "--cache-bytes",
            "0",
            "--streams",
            "producer.linger.ms=5",
            "--baseline",
            "false",
            "--timeout",
            "90s");

    assertBacklog(plan.backlog(), 5000, 30, 3, -1, true);
    assertThat(plan.partitions()).isEqualTo(2);
    assertThat(plan.guarantees()).containsExactly("at_least_once");
    assertThat(plan.overrides())
        .containsExactly(
            Map.entry("num.stream.threads", "2"),
            Map.entry("commit.interval.ms", "1000"),
            Map.entry("statestore.cache.max.bytes", "0"),
            Map.entry("producer.linger.ms", "5"));
    assertThat(plan.baseline()).isFalse();
    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void shouldKeepAReusedBacklogUnlessToldOtherwise() {
    assertThat(learner("--prefix", "bench-learner-x.").keep()).isTrue();
    assertThat(learner("--prefix", "bench-learner-x.").reusePrefix()).isEqualTo("bench-learner-x.");
    assertThat(learner("--prefix", "bench-learner-x.", "--keep", "false").keep()).isFalse();
    assertThat(learner("--keep=true").keep()).isTrue();
    assertThat(replay("--prefix", "bench-replay-x.").keep()).isTrue();
    assertThat(replay("--prefix", "bench-replay-x.", "--keep", "false").keep()).isFalse();
  }

  @Test
  void shouldReplayOnlyTheLiveSettingsUnlessASweepIsAsked() {
    ReplayBenchmark.Plan plan = replay("--events", "1000");

    assertBacklog(plan.backlog(), 1000, 2_000, 20, 42, false);
    assertThat(plan.partitions()).isEqualTo(12);
    assertThat(plan.thresholds()).isNull();
    assertThat(plan.halfLives()).isNull();
    assertThat(plan.baseline()).isTrue();
    assertThat(plan.keep()).isFalse();
  }

  @Test
  void shouldReadTheSweepsThresholdsAndHalfLives() {
    ReplayBenchmark.Plan plan =
        replay("--thresholds", "0.5,0.55,0.6,0.65", "--half-lives", "30d,60d", "--partitions=1");

    assertThat(plan.thresholds()).containsExactly(0.5, 0.55, 0.6, 0.65);
    assertThat(plan.halfLives()).containsExactly("30d", "60d");
    assertThat(plan.partitions()).isEqualTo(1);
  }

  @Test
  void shouldDefaultRestoreAsBeforeWithThePortBesideTheStacksQueryService() {
    Map<String, String> stack = Map.of("QUERY_PORT", "18081", "HIVEMIND_PARTITIONS", "6");
    RestoreBenchmark.Plan plan =
        CommandLines.parse(RestoreCommand.class, stack, "bench", "restore")
            .settings(BenchmarkCommand.stack(CommandLines.settings(stack)));

    assertThat(plan)
        .isEqualTo(
            new RestoreBenchmark.Plan(
                1_000_000, 250, 15_000, 6, 18_181, Duration.ofMinutes(10), true));
  }

  @Test
  void shouldReadRestoreOptions() {
    RestoreBenchmark.Plan plan =
        restore(
            "--rows",
            "10000000",
            "--rows-per-user",
            "7708",
            "--community-rows",
            "0",
            "--partitions",
            "3",
            "--port",
            "9191",
            "--timeout",
            "1h",
            "--baseline=false");

    assertThat(plan)
        .isEqualTo(
            new RestoreBenchmark.Plan(10_000_000, 7708, 0, 3, 9191, Duration.ofHours(1), false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "learner | --events 1                    | --events must be ≥ 2, got 1",
        "learner | --events lots                 | Invalid value for option '--events': 'lots'",
        "learner | --users 0                     | --users must be between 1 and 10000000, got 0",
        "learner | --days 3651                   | --days must be between 1 and 3650, got 3651",
        "learner | --record-time later           | --record-time must be now or event, got 'later'",
        "learner | --partitions 0                | --partitions must be between 1 and 1024, got 0",
        "learner | --guarantees exactly_once     | --guarantees takes exactly_once_v2 and/or"
            + " at_least_once, got: exactly_once",
        "learner | --threads 65                  | --threads must be between 1 and 64, got 65",
        "learner | --commit-interval 0           | --commit-interval must be ≥ 1, got 0",
        "learner | --cache-bytes -1              | --cache-bytes must be ≥ 0, got -1",
        "learner | --streams threads             | --streams takes key=value,key=value",
        "learner | --streams application.id=x    | --streams may not set application.id",
        "learner | --streams num.stream.threads=x | --streams: Invalid value x for configuration"
            + " num.stream.threads",
        "learner | --baseline maybe              | Invalid value for option '--baseline'",
        "learner | --keep yes-please             | Invalid value for option '--keep'",
        "learner | --timeout 0s                  | --timeout must be ≥ 1ms, got 0s",
        "learner | --timeout soon                | Invalid value for option '--timeout'",
        "learner | --prefix=                     | --prefix must name the topics of an earlier run",
        "replay  | --thresholds 0.5,high         | Invalid value for option '--thresholds'",
        "replay  | --thresholds 1.5              | --thresholds",
        "replay  | --half-lives 30days           | Invalid value for option '--half-lives'",
        "replay  | --half-lives 0d               | --half-lives",
        "replay  | --partitions 1025             | --partitions must be between 1 and 1024, got 1025",
        "replay  | --events 1                    | --events must be ≥ 2, got 1",
        "restore | --rows 0                      | --rows must be ≥ 1, got 0",
        "restore | --rows-per-user 7709          | --rows-per-user must be between 1 and 7708",
        "restore | --community-rows 15417        | --community-rows must be between 0 and 15416",
        "restore | --port 80                     | --port must be between 1024 and 65535, got 80",
        "restore | --timeout 1.5m                | Invalid value for option '--timeout'",
        "restore | --baseline maybe              | Invalid value for option '--baseline'",
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

  private static void assertBacklog(
      BacklogSpec backlog, long events, int users, int days, long seed, boolean eventTime) {
    assertThat(backlog.events()).isEqualTo(events);
    assertThat(backlog.users()).isEqualTo(users);
    assertThat(backlog.days()).isEqualTo(days);
    assertThat(backlog.seed()).isEqualTo(seed);
    assertThat(backlog.eventTimeStamps()).isEqualTo(eventTime);
    assertThat(backlog.end()).isBefore(Instant.now().minus(Duration.ofHours(1)));
  }
}
