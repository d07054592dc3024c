package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Python client ({@code clients/python}) against the stack: its own tests ({@code python3 -m
 * unittest}) with this stack's addresses and keys, and the example bot trading through an outage of
 * the gateway without losing an outcome.
 */
@ExtendWith(LocalStack.Shared.class)
class PythonClientEndToEndTest {

  private static final Path CLIENT =
      Path.of("..", "clients", "python").toAbsolutePath().normalize();
  private static final Duration TESTS_BOUND = Duration.ofMinutes(5);
  private static final Duration BOT_BOUND = Duration.ofMinutes(4);
  private static final int BOT_TRADES = 30;

  private static LocalStack stack;
  private final Http http = new Http();
  private Process running;

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  @AfterEach
  void stopWhatRuns() {
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
    }
  }

  @Test
  void theClientsOwnTestsPassOnTheStackWithNothingSkipped() throws Exception {
    String user = "py-" + UUID.randomUUID().toString().substring(0, 8);
    Path output = Files.createTempFile("python-client-tests", ".log");
    running = python(output, user, "-m", "unittest", "discover", "-s", "tests", "-v").start();

    boolean exited = running.waitFor(TESTS_BOUND.toSeconds(), TimeUnit.SECONDS);
    String log = Files.readString(output);

    assertThat(exited).as("python tests within " + TESTS_BOUND + ":\n" + log).isTrue();
    assertThat(running.exitValue()).as(log).isZero();
    assertThat(log).contains("\nOK").doesNotContain("skipped");
    assertThat(log).containsPattern("Ran [1-9][0-9]* tests");
  }

  @Test
  void theExampleBotTradesThroughAGatewayOutageAndLosesNoOutcome() throws Exception {
    String user = "py-bot-" + UUID.randomUUID().toString().substring(0, 8);
    Path output = Files.createTempFile("python-bot", ".log");
    Path buffer = Files.createTempDirectory("python-bot-buffer");
    ProcessBuilder bot = python(output, user, "examples/bot.py");
    bot.environment()
        .putAll(
            Map.of(
                "BOT_TRADES",
                String.valueOf(BOT_TRADES),
                "BOT_PAUSE",
                "0.2",
                "BOT_THRESHOLD",
                "0",
                "BOT_BUFFER_DIR",
                buffer.toString()));
    running = bot.start();
    awaitOutput(output, "trade 3 ");

    stack.stop("ingest-gateway");
    try {
      // the bot goes on trading: what the gateway cannot take is kept on disk
      Awaitility.await("the bot buffering while the gateway is down")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Files.readString(output).split(" buffered").length > 3);
    } finally {
      stack.start("ingest-gateway");
    }

    boolean exited = running.waitFor(BOT_BOUND.toSeconds(), TimeUnit.SECONDS);
    String log = Files.readString(output);
    assertThat(exited).as("the bot within " + BOT_BOUND + ":\n" + log).isTrue();
    assertThat(running.exitValue()).as(log).isZero();
    assertThat(log).contains("done: " + BOT_TRADES + " trades, nothing left in the buffer");
    String key = stack.botKey(user);
    JsonNode total =
        Awaitility.await("every trade of the bot learned")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    http.get(stack.query() + "/api/ml/stats?symbol=ES", Http.bearer(key))
                        .body()
                        .path("total"),
                t -> t.path("trades").asLong() >= BOT_TRADES);
    assertThat(total.path("trades").asLong()).as(log).isEqualTo(BOT_TRADES);
  }

  /** {@code python3 args…} in the client's folder, with this stack and a key of {@code user}. */
  private static ProcessBuilder python(Path output, String user, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "python3";
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(CLIENT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "HIVEMIND_GATEWAY_URL", stack.gateway(),
                "HIVEMIND_QUERY_URL", stack.query(),
                "HIVEMIND_API_KEY", stack.botKey(user),
                "HIVEMIND_USER_ID", user,
                "HIVEMIND_ADMIN_KEY", stack.adminKey(),
                "PYTHONDONTWRITEBYTECODE", "1"));
    return builder;
  }

  private void awaitOutput(Path output, String line) {
    Awaitility.await("the bot printing " + line.strip())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!running.isAlive()) {
                throw new IOException("the bot ended early:\n" + Files.readString(output));
              }
              return Files.readString(output).contains(line);
            });
  }
}
