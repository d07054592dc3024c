package io.hivemind.simulator.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hivemind.access.domain.ApiKey;
import io.hivemind.botapi.EventBatch;
import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.score.FleetTally;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a real HTTP server on 127.0.0.1 that answers as the test script says. */
@Timeout(20)
class BotClientTest {

  private static final SignalRequest SIGNAL =
      new SignalRequest(
          "7f0c2a9e-0000-4000-8000-000000000001",
          "a1b2c3d4e5f6",
          "ES",
          "LONG",
          4500.25,
          "2026-11-20T14:32:45Z",
          "vwap_rsi",
          Map.of("rsi", 34.2, "vwap_z", -2.15));

  private static final ApiKey KEY = ApiKey.generate(new SecureRandom());
  private static final String BEARER = "Bearer " + KEY.reveal();

  private static final OutcomeRequest OUTCOME =
      new OutcomeRequest(
          SIGNAL.signalId(),
          "a1b2c3d4e5f6",
          "ES",
          "LONG",
          4500.0,
          4510.25,
          "2026-11-20T14:32:45Z",
          "2026-11-20T14:40:00Z",
          1,
          512.5,
          "TARGET");

  private static final HeartbeatRequest HEARTBEAT =
      new HeartbeatRequest(
          "a1b2c3d4e5f6", "sim-1", "RUNNING", 0, List.of("ES"), "2026-11-20T14:32:45Z", null);

  /** A request as the server saw it; {@code tierHeader} is the retired self-declared tier. */
  private record Received(
      String path, String query, String authorization, String tierHeader, String body) {}

  private record Answer(int status, String body, String retryAfter) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Answer> script = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final FleetTally tally = new FleetTally();
  private HttpServer server;
  private int port;
  private BotClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    port = server.getAddress().getPort();
    URI base = URI.create("http://127.0.0.1:" + port);
    client = clientFor(base);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private BotClient clientFor(URI base) {
    return new BotClient(
        BotClient.newHttpClient(),
        base,
        base,
        KEY,
        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)),
        tally,
        new StopSignal());
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] request = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getQuery(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("X-Hivemind-Tier"),
            new String(request, StandardCharsets.UTF_8)));
    int index = next.getAndIncrement();
    Answer answer = script.get(Math.min(index, script.size() - 1));
    if (answer.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void script(Answer... answers) {
    script.addAll(List.of(answers));
  }

  @Test
  void shouldResendTheSameSignalUntilTheGatewayTakesIt() {
    script(new Answer(503, "{}", null), new Answer(503, "{}", null), new Answer(202, "{}", null));

    Delivery delivery = client.postSignal(SIGNAL);

    assertThat(delivery).isEqualTo(Delivery.ACCEPTED);
    assertThat(received).hasSize(3).extracting(Received::path).containsOnly("/api/signals");
    assertThat(received).extracting(Received::body).containsOnly(WireJson.write(SIGNAL));
    assertThat(received.get(0).body()).contains("\"signal_id\":\"" + SIGNAL.signalId() + "\"");
    assertThat(received).extracting(Received::authorization).containsOnly(BEARER);
    assertThat(tally.snapshot().retries()).isEqualTo(2);
    assertThat(tally.snapshot().errors()).isZero();
  }

  @Test
  void shouldSendItsKeyAndNoSelfDeclaredTierOnEveryRequest() {
    script(new Answer(202, "{}", null));

    client.postSignal(SIGNAL);
    client.postOutcome(OUTCOME);
    client.postEvents(List.of(SIGNAL), List.of(OUTCOME));
    client.heartbeat(HEARTBEAT);
    client.askConfidence(SIGNAL, 0.55);

    assertThat(received)
        .extracting(Received::path)
        .containsExactly(
            "/api/signals",
            "/api/outcomes",
            "/api/events",
            "/api/bots/heartbeat",
            "/api/ml/win_probability");
    assertThat(received).extracting(Received::authorization).containsOnly(BEARER);
    assertThat(received).extracting(Received::tierHeader).containsOnlyNulls();
    assertThat(received.get(4).query()).doesNotContain("tier");
  }

  @Test
  void shouldRetryWithTheSameKeyAfterTheServiceHadNotReadItYet() {
    // 503 + Retry-After: the service is still reading the key topic at startup
    script(new Answer(503, "{}", "0"), new Answer(202, "{}", null));

    assertThat(client.postOutcome(OUTCOME)).isEqualTo(Delivery.ACCEPTED);
    assertThat(received).hasSize(2).extracting(Received::authorization).containsOnly(BEARER);
  }

  @Test
  void shouldNotRetryARejection() {
    script(new Answer(400, "{\"violations\":[]}", null), new Answer(202, "{}", null));

    assertThat(client.postSignal(SIGNAL)).isEqualTo(Delivery.REJECTED);
    assertThat(received).hasSize(1);
    assertThat(tally.snapshot().rejects()).isEqualTo(1);
    assertThat(tally.snapshot().retries()).isZero();
  }

  @Test
  void shouldGiveUpAfterTheLastAttempt() {
    script(new Answer(503, "{}", null));

    assertThat(client.postOutcome(OUTCOME)).isEqualTo(Delivery.FAILED);
    assertThat(received).hasSize(3).extracting(Received::path).containsOnly("/api/outcomes");
    assertThat(tally.snapshot().retries()).isEqualTo(2);
    assertThat(tally.snapshot().errors()).isEqualTo(1);
  }

  @Test
  void shouldHonourRetryAfter() {
    script(new Answer(429, "{}", "1"), new Answer(202, "{}", null));

    long started = System.nanoTime();
    assertThat(client.postSignal(SIGNAL)).isEqualTo(Delivery.ACCEPTED);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(received).hasSize(2);
  }

  @Test
  void shouldPostABufferedBatchInOneRequest() {
    script(new Answer(503, "{}", null), new Answer(202, "{\"accepted\":2}", null));

    assertThat(client.postEvents(List.of(SIGNAL), List.of(OUTCOME))).isEqualTo(Delivery.ACCEPTED);
    assertThat(received).hasSize(2).extracting(Received::path).containsOnly("/api/events");
    assertThat(received)
        .extracting(Received::body)
        .containsOnly(WireJson.write(new EventBatch(List.of(SIGNAL), List.of(OUTCOME))));
  }

  @Test
  void shouldAskForConfidenceWithTheSignalAndItsThreshold() {
    script(
        new Answer(
            200,
            """
            {"user_id":"a1b2c3d4e5f6","symbol":"ES","side":"LONG","win_probability":0.68,
             "interval":{"low":0.61,"high":0.74,"level":0.9},
             "evidence":{"user_trades":42,"community_trades":2400,"pattern":"v1/mid/rsi6/vz-5"},
             "threshold":0.55,"take_trade":true,"trading_state":"ACTIVE","learning":"ACTIVE",
             "as_of":"2026-11-20T14:32:45.200Z"}
            """,
            null));

    ConfidenceAnswer answer = client.askConfidence(SIGNAL, 0.55).orElseThrow();

    assertThat(answer)
        .isEqualTo(
            new ConfidenceAnswer(0.68, 0.61, 0.74, 42, 2400, "v1/mid/rsi6/vz-5", true, "ACTIVE"));
    assertThat(received.get(0).path()).isEqualTo("/api/ml/win_probability");
    assertThat(received.get(0).query()).isEqualTo("threshold=0.55");
    assertThat(received.get(0).body()).isEqualTo(WireJson.write(SIGNAL));
  }

  @Test
  void shouldHaveNoAnswerWhenTheServiceCannotGiveOne() {
    script(new Answer(503, "{}", null));

    assertThat(client.askConfidence(SIGNAL, 0.55)).isEmpty();
    assertThat(tally.snapshot().errors()).isEqualTo(1);
  }

  @Test
  void shouldPassOnAForceCloseOrderFromTheHeartbeatAnswer() {
    script(
        new Answer(
            202,
            """
            {"status":"accepted","user_id":"a1b2c3d4e5f6","partition":0,"offset":3,
             "trading_state":"REDUCING","control":{"trading_state":"REDUCING",
             "take_new_entries":false,"force_close":{"command_id":"cmd-9","scope":"global"}}}
            """,
            null));

    HeartbeatAnswer answer = client.heartbeat(HEARTBEAT);

    assertThat(answer).isEqualTo(new HeartbeatAnswer(Delivery.ACCEPTED, "REDUCING", "cmd-9"));
    assertThat(received.get(0).path()).isEqualTo("/api/bots/heartbeat");
  }

  @Test
  void shouldRetryWhenNobodyListens() {
    server.stop(0);
    BotClient unreachable = clientFor(URI.create("http://127.0.0.1:" + port));

    assertThat(unreachable.postSignal(SIGNAL)).isEqualTo(Delivery.FAILED);
    assertThat(tally.snapshot().retries()).isEqualTo(2);
    assertThat(tally.snapshot().errors()).isEqualTo(1);
  }
}
