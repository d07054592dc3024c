package io.hivemind.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.hivemind.simulator.bot.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DemoTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return runWith(Map.of(), args);
  }

  private int runWith(Map<String, String> env, String... args) {
    Demo demo =
        new Demo(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    return demo.run(args, env);
  }

  private int offline(Path events, long seed) {
    return run(
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

    assertThat(offline(first, 42)).isZero();
    assertThat(offline(second, 42)).isZero();
    assertThat(offline(otherSeed, 43)).isZero();

    assertThat(Files.size(first)).isPositive();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    assertThat(Files.readAllBytes(otherSeed)).isNotEqualTo(Files.readAllBytes(first));
  }

  @Test
  void shouldWriteOneWireJsonLinePerEvent(@TempDir Path dir) throws IOException {
    Path events = dir.resolve("events.jsonl");
    assertThat(offline(events, 42)).isZero();

    List<String> lines = Files.readAllLines(events);
    long signals = 0;
    long outcomes = 0;
    long heartbeats = 0;
    for (String line : lines) {
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
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("OFFLINE").contains("DIVERGENCE");
  }

  @Test
  void shouldExitWithTwoOnBadArguments() {
    assertThat(run("--bots", "many")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bots").contains("Usage");
  }

  @Test
  void shouldExitWithOneNamingTheUrlWhenTheStackIsDown() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    assertThat(run("--gateway", url, "--query", url)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(url + "/q/health/ready")
        .contains("./hivemind up");
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

      int status =
          runWith(
              Map.of("KAFKA_PORT", String.valueOf(kafkaPort)),
              "--gateway",
              url,
              "--query",
              url,
              "--bots",
              "3");

      assertThat(status).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("cannot mint the bots' API keys")
          .contains("127.0.0.1:" + kafkaPort);
      assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("hm_");
    } finally {
      services.stop(0);
    }
  }
}
