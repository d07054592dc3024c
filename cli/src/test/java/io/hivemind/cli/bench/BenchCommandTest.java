package io.hivemind.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.bench.Stack;
import io.hivemind.cli.CommandLines;
import io.hivemind.cli.CommandLines.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./hivemind bench}: the benchmarks listed, help for each, usage errors (exit 2) before
 * anything runs, a stack that cannot be reached (exit 1), and the stack as the benchmarks see it.
 */
class BenchCommandTest {

  /** Nothing listens on these: a benchmark that ran by mistake could not measure anything. */
  static final Map<String, String> NOWHERE =
      Map.of(
          "GATEWAY_PORT", "1",
          "QUERY_PORT", "2",
          "LEARNER_PORT", "3",
          "REGISTRY_PORT", "4",
          "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:5",
          "HIVEMIND_PARTITIONS", "12");

  static Run bench(String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "bench";
    System.arraycopy(args, 0, line, 1, args.length);
    return CommandLines.run(NOWHERE, line);
  }

  private static final String[] BENCHMARKS = {
    "ingest",
    "query",
    "learner",
    "replay",
    "restore",
    "freshness",
    "quality",
    "join-state",
    "scoring"
  };

  @ParameterizedTest
  @ValueSource(strings = {"", "--help", "-h", "help"})
  void shouldListEveryBenchmarkInOrderAndExitZero(String argument) {
    Run run = argument.isEmpty() ? bench() : bench(argument);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Usage: hivemind bench [-h] <name>");
    int at = 0;
    for (String benchmark : BENCHMARKS) {
      int next = run.out().indexOf("\n  " + benchmark + " ", at);
      assertThat(next).as(benchmark + " listed after the one before").isGreaterThan(at);
      at = next;
    }
    assertThat(run.out()).contains("Kafka's ProducerPerformance").contains("500ms, 30s, 5m");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ingest",
        "query",
        "learner",
        "replay",
        "restore",
        "freshness",
        "quality",
        "join-state",
        "scoring"
      })
  void shouldPrintEachBenchmarksOptionsWithTheirDefaults(String benchmark) {
    Run help = bench(benchmark, "--help");
    Run helpCommand = bench("help", benchmark);

    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(help.out()).startsWith("Usage: hivemind bench " + benchmark + " ");
    assertThat(help.out()).contains("(default: ").doesNotContain("${DEFAULT-VALUE}");
    assertThat(helpCommand.exit()).isZero();
    assertThat(helpCommand.out()).isEqualTo(help.out());
  }

  @Test
  void shouldShowEveryDefaultInTheHelp() {
    String query = bench("query", "--help").out().replaceAll("\\s+", " ");

    assertThat(query)
        .contains("(default: 20s)")
        .contains("(default: 500,2000,5000)")
        .contains("(default: signals)")
        .contains("(default: 300s)");
  }

  @Test
  void shouldRefuseAnUnknownBenchmarkWithPicocliMessage() {
    Run run = bench("nosuch");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument at index 1: 'nosuch'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownOptionNamingIt() {
    Run typo = bench("query", "--conections", "32");
    Run otherBenchmarks = bench("scoring", "--duration", "30s");

    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err())
        .contains("Unknown options: '--conections'")
        .contains("Possible solutions: --connections");
    assertThat(otherBenchmarks.exit()).isEqualTo(2);
    assertThat(otherBenchmarks.err()).contains("Unknown options: '--duration'");
  }

  @Test
  void shouldRefuseAValueOutOfRangeNamingTheOptionAndPrintTheUsage() {
    Run run = bench("query", "--connections", "0");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("--connections must be ≥ 1, got 0")
        .contains("Usage: hivemind bench query");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldRunABenchmarkThatNeedsNoStackAndExitZero() {
    // scoring learns Avro experiences: this also proves the CLI's classpath carries what the
    // benchmarks need at run time
    Run run = bench("scoring", "--experiences", "200", "--questions", "20", "--rounds", "1");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shouldSayTheStackCannotBeReachedAndExitOneWithoutAStackTrace() {
    Run run = bench("ingest", "--duration", "1s", "--warmup", "0s", "--users", "1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("bench ingest: cannot reach ingest-gateway at http://127.0.0.1:1")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void shouldGiveTheBenchmarksTheStackOfTheCliSettings() {
    Stack stack =
        BenchmarkCommand.stack(
            CommandLines.settings(
                Map.of(
                    "HIVEMIND_GATEWAY_URL", "http://gw.example:9000/",
                    "QUERY_PORT", "18081",
                    "LEARNER_PORT", "18082",
                    "REGISTRY_PORT", "18085",
                    "KAFKA_PORT", "19092",
                    "HIVEMIND_TOPIC_PREFIX", "run7.",
                    "HIVEMIND_PARTITIONS", "3",
                    "HIVEMIND_HOME", "/tmp/hm-home",
                    "HIVEMIND_ROOT", "/tmp/hm-root")));

    assertThat(stack.gateway()).isEqualTo("http://gw.example:9000");
    assertThat(stack.query()).isEqualTo("http://127.0.0.1:18081");
    assertThat(stack.learner()).isEqualTo("http://127.0.0.1:18082");
    assertThat(stack.registryApi()).isEqualTo("http://127.0.0.1:18085/apis/registry/v3");
    assertThat(stack.bootstrap()).isEqualTo("127.0.0.1:19092");
    assertThat(stack.topicPrefix()).isEqualTo("run7.");
    assertThat(stack.kafka().topics().signals).isEqualTo("run7.signals");
    assertThat(stack.partitions()).isEqualTo(3);
    assertThat(stack.home()).isEqualTo(Path.of("/tmp/hm-home"));
    assertThat(stack.root()).isEqualTo(Path.of("/tmp/hm-root"));
  }
}
