package io.hivemind.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.hivemind.cli.CommandLines;
import io.hivemind.cli.CommandLines.Run;
import io.hivemind.simulator.bot.WireJson;
import io.hivemind.simulator.demo.DemoSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./hivemind demo}: its options as the demo's settings, usage errors (exit 2) naming the
 * option before anything runs, the offline run's events file, and a stack that is not there (exit
 * 1).
 */
@Timeout(60)
class DemoCommandTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:30Z");

  private static DemoSettings settings(Map<String, String> env, String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "demo";
    System.arraycopy(args, 0, line, 1, args.length);
    return CommandLines.parse(DemoCommand.class, env, line).settings();
  }

  private static DemoSettings settings(String... args) {
    return settings(Map.of(), args);
  }

  private static Run demo(Map<String, String> env, String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "demo";
    System.arraycopy(args, 0, line, 1, args.length);
    return CommandLines.run(env, line);
  }

  /** Nothing listens on these: a live run started by mistake could not reach a stack. */
  private static final Map<String, String> NOWHERE =
      Map.of("GATEWAY_PORT", "1", "QUERY_PORT", "2", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:5");

  private static Run demo(String... args) {
    return demo(NOWHERE, args);
  }

  @Test
  void shouldDefaultToFiftyBotsForAMinuteOfTenSimulatedDays() {
    DemoSettings settings = settings();

    assertThat(settings.bots()).isEqualTo(50);
    assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.speed()).isEqualTo(14_400);
    assertThat(settings.seed()).isEqualTo(42);
    assertThat(settings.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(settings.query()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(settings.explore()).isEqualTo(0.1);
    assertThat(settings.heartbeatEvery()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.offline()).isFalse();
    assertThat(settings.eventsOut()).isNull();
    assertThat(DemoSettings.simulatedRange(settings.duration(), settings.speed()))
        .isEqualTo(Duration.ofDays(10));
  }

  @Test
  void shouldReadEveryOptionInBothSpellings() {
    DemoSettings settings =
        settings(
            "--bots",
            "5",
            "--duration=2m",
            "--speed",
            "100",
            "--seed",
            "-7",
            "--gateway",
            "http://gw:9000",
            "--query=http://q:9001/",
            "--events-out",
            "x.jsonl",
            "--explore",
            "0",
            "--heartbeat-every",
            "30s");

    assertThat(settings.bots()).isEqualTo(5);
    assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.speed()).isEqualTo(100);
    assertThat(settings.seed()).isEqualTo(-7);
    assertThat(settings.gateway()).isEqualTo(URI.create("http://gw:9000"));
    assertThat(settings.query()).isEqualTo(URI.create("http://q:9001/"));
    assertThat(settings.eventsOut()).isEqualTo(Path.of("x.jsonl"));
    assertThat(settings.explore()).isZero();
    assertThat(settings.heartbeatEvery()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldTakeTheStackFromTheCliSettings() {
    DemoSettings ports = settings(Map.of("GATEWAY_PORT", "9180", "QUERY_PORT", "9181"));
    DemoSettings url =
        settings(
            Map.of(
                "HIVEMIND_GATEWAY_URL", "http://gw.example:9000/",
                "KAFKA_PORT", "19092",
                "HIVEMIND_TOPIC_PREFIX", "run7."));

    assertThat(ports.gateway()).isEqualTo(URI.create("http://127.0.0.1:9180"));
    assertThat(ports.query()).isEqualTo(URI.create("http://127.0.0.1:9181"));
    assertThat(url.gateway()).isEqualTo(URI.create("http://gw.example:9000"));
    assertThat(url.kafka().bootstrap()).isEqualTo("127.0.0.1:19092");
    assertThat(url.kafka().topics().apiKeys).isEqualTo("run7.api-keys");
  }

  @Test
  void shouldSlowTheDefaultSpeedForLongRuns() {
    DemoSettings settings = settings("--duration", "10m");

    assertThat(DemoSettings.simulatedRange(settings.duration(), settings.speed()))
        .isLessThanOrEqualTo(Duration.ofDays(28));
  }

  @Test
  void shouldRefuseARangeOlderThanTheServiceAcceptsAsAUsageError() {
    Run run = demo("--duration", "10m", "--speed", "14400");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("--duration 10m × --speed 14400 is 100.0 simulated days")
        .contains("30 days")
        .contains("Usage: hivemind demo");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--bots zero       | Invalid value for option '--bots'",
        "--bots 0          | --bots must be between 1 and 10000, got 0",
        "--bots 10001      | --bots must be between 1 and 10000",
        "--duration soon   | Invalid value for option '--duration'",
        "--duration 90     | Invalid value for option '--duration': '90' is not a whole number and a unit",
        "--duration 1.5m   | Invalid value for option '--duration'",
        "--duration 500ms  | --duration must be ≥ 1s, got 500ms",
        "--heartbeat-every 0s | --heartbeat-every must be ≥ 1s, got 0s",
        "--speed -1        | --speed must be a positive number",
        "--speed 0         | --speed must be a positive number",
        "--gateway ftp://x | --gateway must be an http(s) URL, got 'ftp://x'",
        "--query x         | --query must be an http(s) URL",
        "--explore 2       | --explore must be between 0 and 1",
        "--seed            | Missing required parameter for option '--seed'",
        "--from 2026-11-01 | Invalid value for option '--from'",
        "--offline=yes     | Invalid value for option '--offline'",
      })
  void shouldRefuseBadValuesAsUsageErrorsNamingTheOption(String line, String message) {
    Run run = demo(line.split(" "));

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("Usage: hivemind demo");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownOptionSuggestingTheNearestOne() {
    Run run = demo("--bogus", "1");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown options: '--bogus'").contains("--bots");
  }

  @Test
  void shouldKeepExplicitRangesForOfflineRuns() {
    Run live = demo("--from", "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z");
    Run alone = demo("--offline", "--from", "2026-11-01T00:00:00Z");
    Run backwards =
        demo("--offline", "--from", "2026-11-02T00:00:00Z", "--to", "2026-11-01T00:00:00Z");

    assertThat(live.exit()).isEqualTo(2);
    assertThat(live.err()).startsWith("--from/--to are for --offline runs");
    assertThat(alone.exit()).isEqualTo(2);
    assertThat(alone.err()).startsWith("--from and --to go together");
    assertThat(backwards.exit()).isEqualTo(2);
    assertThat(backwards.err()).startsWith("--to 2026-11-01T00:00:00Z must be after --from");
    DemoSettings settings =
        settings("--offline", "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z");
    assertThat(settings.offlineFrom(NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(settings.offlineTo(NOW)).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
  }

  @Test
  void shouldEndAnImplicitOfflineRangeAtTheCurrentMinute() {
    DemoSettings settings = settings("--offline");

    assertThat(settings.offlineTo(NOW)).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
    assertThat(settings.offlineFrom(NOW)).isEqualTo(Instant.parse("2026-11-11T12:00:00Z"));
  }

  @Test
  void shouldRefuseNotifyOfflineOrWithOneBotBeforeAnythingStarts() {
    Run offline = demo("--notify", "--offline");
    Run oneBot = demo("--notify", "--bots", "1");

    assertThat(offline.exit()).isEqualTo(2);
    assertThat(offline.err()).startsWith("--notify watches a live run: not with --offline");
    assertThat(oneBot.exit()).isEqualTo(2);
    assertThat(oneBot.err()).startsWith("--notify needs two bots or more");
  }

  @Test
  void shouldPrintEveryOptionWithItsDefaultAndExitZero() {
    Run help = demo("--help");
    Run helpCommand = CommandLines.run(Map.of(), "help", "demo");

    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(help.out()).startsWith("Usage: hivemind demo [-h] [--notify] [--offline]");
    for (String option :
        List.of(
            "--bots=N",
            "--duration=DURATION",
            "--speed=X",
            "--seed=S",
            "--gateway=URL",
            "--query=URL",
            "--explore=P",
            "--heartbeat-every=DURATION",
            "--events-out=FILE",
            "--offline",
            "--notify",
            "--from=T",
            "--to=T")) {
      assertThat(help.out()).contains(option);
    }
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("(default: 50)")
        .contains("(default: 60s)")
        .contains("(default: 42)")
        .contains("(default: 0.1)")
        .contains("(default: 10s)")
        .contains("${HIVEMIND_TOPIC_PREFIX}api-keys")
        .contains("500ms, 30s, 5m, 2h or 7d")
        .doesNotContain("${DEFAULT-VALUE}");
    assertThat(helpCommand.exit()).isZero();
    assertThat(helpCommand.out()).isEqualTo(help.out());
  }

  @Test
  void shouldBeListedInTheCliUsage() {
    Run run = CommandLines.run(Map.of(), "--help");

    assertThat(run.out()).contains("\n  demo ").contains("\n  chaos ");
  }

  private static Run offline(Path events, long seed) {
    return demo(
        "--offline",
        "--bots",
        "5",
        "--seed",
        String.valueOf(seed),
        "--from",
        "2026-11-02T00:00:00Z",
        "--to",
        "2026-11-04T00:00:00Z",
        "--events-out",
        events.toString());
  }

  @Test
  void shouldWriteTheSameEventsFileForTheSameSeed(@TempDir Path dir) throws IOException {
    Path first = dir.resolve("first.jsonl");
    Path second = dir.resolve("second.jsonl");
    Path otherSeed = dir.resolve("other.jsonl");

    assertThat(offline(first, 42).exit()).isZero();
    assertThat(offline(second, 42).exit()).isZero();
    assertThat(offline(otherSeed, 43).exit()).isZero();

    assertThat(Files.size(first)).isPositive();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    assertThat(Files.readAllBytes(otherSeed)).isNotEqualTo(Files.readAllBytes(first));
  }

  @Test
  void shouldWriteOneWireJsonLinePerEvent(@TempDir Path dir) throws IOException {
    Path events = dir.resolve("events.jsonl");
    Run run = offline(events, 42);

    assertThat(run.exit()).as(run.err()).isZero();
    long signals = 0;
    long outcomes = 0;
    long heartbeats = 0;
    for (String line : Files.readAllLines(events)) {
      JsonNode event = WireJson.mapper().readTree(line);
      assertThat(event.fieldNames()).toIterable().containsExactly("type", "body");
      switch (event.get("type").asText()) {
        case "signal" -> {
          signals++;
          assertThat(event.get("body").has("signal_id")).isTrue();
          assertThat(event.get("body").get("strategy").asText()).isEqualTo("vwap_rsi");
        }
        case "outcome" -> {
          outcomes++;
          assertThat(event.get("body").get("exit_reason").asText()).isIn("TARGET", "STOP");
        }
        case "heartbeat" -> heartbeats++;
        default -> throw new AssertionError("unexpected event " + line);
      }
    }
    // offline takes every opportunity, so every signal has its outcome
    assertThat(signals).isPositive().isEqualTo(outcomes);
    assertThat(heartbeats).isPositive();
    assertThat(run.out()).contains("OFFLINE").contains("DIVERGENCE").contains(events.toString());
  }

  @Test
  void shouldRefuseAnEventsFileItCannotWriteAsAUsageError(@TempDir Path dir) {
    Path events = dir; // a directory: no file can be written there

    Run run = offline(events, 42);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("--events-out: cannot write " + events);
  }

  @Test
  void shouldExitWithOneNamingTheUrlWhenTheStackIsDown() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    Run viaOptions = demo("--gateway", url, "--query", url);
    Run viaSettings =
        demo(Map.of("GATEWAY_PORT", String.valueOf(port), "QUERY_PORT", String.valueOf(port)));

    for (Run run : List.of(viaOptions, viaSettings)) {
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err())
          .contains(url + "/q/health/ready")
          .contains("./hivemind up")
          .doesNotContain("Usage");
    }
  }

  @Test
  void shouldExitWithOneNamingKafkaWhenTheBotsKeysCannotBeMinted() throws IOException {
    // both services healthy, but no Kafka to write the keys to: no bot may start without one
    HttpServer services =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    services.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    services.start();
    int kafkaPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      kafkaPort = socket.getLocalPort();
    }
    try {
      String url = "http://127.0.0.1:" + services.getAddress().getPort();

      Run run =
          demo(
              Map.of("KAFKA_PORT", String.valueOf(kafkaPort)),
              "--gateway",
              url,
              "--query",
              url,
              "--bots",
              "3");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err())
          .contains("cannot mint the bots' API keys")
          .contains("127.0.0.1:" + kafkaPort);
      assertThat(run.out()).doesNotContain("hm_");
    } finally {
      services.stop(0);
    }
  }
}
