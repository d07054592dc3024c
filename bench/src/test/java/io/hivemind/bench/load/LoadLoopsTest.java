package io.hivemind.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loops against a real tiny HTTP server: {@code /slow} answers after 200 ms, {@code
 * /delay/<ms>} after that many, {@code /status/<code>} with that status, anything else at once.
 */
@Timeout(60)
class LoadLoopsTest {

  private static final long MS = 1000; // histogram values are microseconds

  private static Vertx serverVertx;
  private static HttpServer server;
  private static String baseUrl;
  private static final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  private static final List<String> keyed = new CopyOnWriteArrayList<>();
  private static LoadGenerator generator;

  @BeforeAll
  static void startServer() {
    serverVertx = Vertx.vertx();
    server =
        serverVertx
            .createHttpServer()
            .requestHandler(LoadLoopsTest::answer)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .join();
    baseUrl = "http://127.0.0.1:" + server.actualPort();
    generator = LoadGenerator.create();
    // class loading and JIT of the first requests must not land inside a test's timing
    ClosedLoop.run(
        generator,
        baseUrl,
        2,
        i -> LoadRequest.get("/fast"),
        Duration.ZERO,
        Duration.ofMillis(500));
  }

  @AfterAll
  static void stopServer() {
    generator.close();
    serverVertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static void answer(HttpServerRequest request) {
    String path = request.path();
    served.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (path.startsWith("/keyed/")) {
      keyed.add(path + " " + request.getHeader("Authorization"));
    }
    request
        .body()
        .onSuccess(
            body -> {
              if (path.equals("/slow")) {
                serverVertx.setTimer(200, t -> request.response().end("{}"));
              } else if (path.startsWith("/delay/")) {
                long ms = Long.parseLong(path.substring("/delay/".length()));
                serverVertx.setTimer(ms, t -> request.response().end("{}"));
              } else if (path.startsWith("/status/")) {
                request
                    .response()
                    .setStatusCode(Integer.parseInt(path.substring("/status/".length())))
                    .end("{}");
              } else {
                request.response().end("{\"ok\":" + body.length() + "}");
              }
            });
  }

  @Test
  void openLoopChargesAStallToEveryRequestQueuedBehindIt() {
    // one connection, a request every 10 ms; request 20 (due at 200 ms) takes 200 ms
    LoadResult result =
        OpenLoop.run(
            generator,
            baseUrl,
            1,
            100,
            i -> LoadRequest.get(i == 20 ? "/slow" : "/fast"),
            Duration.ZERO,
            Duration.ofSeconds(1));

    assertThat(result.completed()).isEqualTo(100);
    assertThat(result.ok()).isEqualTo(100);
    assertThat(result.offeredRate()).isEqualTo(100);
    // the slow one, and the ~19 due while it was in flight: those due in its first 100 ms
    // waited at least 100 ms for the connection, and the wait counts
    assertThat(result.latencyMicros().getCountBetweenValues(100 * MS, 60_000 * MS))
        .isBetween(10L, 50L);
    assertThat(result.latencyMicros().getMaxValue()).isGreaterThanOrEqualTo(195 * MS);
    // the request right behind it was sent ~190 ms after it was due
    assertThat(result.startLagMicros().getMaxValue()).isGreaterThanOrEqualTo(150 * MS);
  }

  @Test
  void closedLoopSeesTheSameStallOnlyOnce() {
    // the coordinated omission the open loop avoids: while request 20 is slow, nothing else is
    // sent, so only one request shows the stall
    LoadResult result =
        ClosedLoop.run(
            generator,
            baseUrl,
            1,
            i -> LoadRequest.get(i == 20 ? "/slow" : "/fast"),
            Duration.ZERO,
            Duration.ofMillis(600));

    assertThat(result.latencyMicros().getCountBetweenValues(100 * MS, 60_000 * MS))
        .isBetween(1L, 2L);
    assertThat(result.startLagMicros()).isNull();
    assertThat(Double.isNaN(result.offeredRate())).isTrue();
  }

  @Test
  void openLoopSendsExactlyTheOfferedRequestsAndRecordsOnlyAfterWarmUp() {
    AtomicInteger bodies = new AtomicInteger();
    LoadResult result =
        OpenLoop.run(
            generator,
            baseUrl,
            4,
            200,
            i -> {
              bodies.incrementAndGet();
              return LoadRequest.postJson("/echo", "{\"i\":" + i + "}");
            },
            Duration.ofMillis(500),
            Duration.ofSeconds(1));

    assertThat(bodies.get()).isEqualTo(100 + 200); // 0.5 s of warm-up, then 1 s, at 200/s
    assertThat(result.completed()).isEqualTo(200);
    assertThat(result.statuses()).containsExactly(Map.entry("200", 200L));
    assertThat(result.achievedRate()).isBetween(150.0, 205.0);
    assertThat(result.seconds()).isBetween(0.99, 1.35);
  }

  @Test
  void closedLoopRateIsConcurrencyOverLatency() {
    LoadResult result =
        ClosedLoop.run(
            generator,
            baseUrl,
            4,
            i -> LoadRequest.get("/delay/20"),
            Duration.ofMillis(200),
            Duration.ofSeconds(1));

    // 4 connections, 20 ms each: at most 200/s
    assertThat(result.achievedRate()).isBetween(100.0, 201.0);
    assertThat(result.latencyMicros().getValueAtPercentile(50)).isGreaterThanOrEqualTo(20 * MS);
    assertThat(result.errors()).isZero();
  }

  @Test
  void countsAnswersPerStatus() {
    LoadResult result =
        ClosedLoop.run(
            generator,
            baseUrl,
            2,
            i -> i < 40 ? LoadRequest.get(i % 2 == 0 ? "/status/202" : "/status/503") : null,
            Duration.ZERO,
            Duration.ofSeconds(10));

    assertThat(result.statuses()).containsExactly(Map.entry("202", 20L), Map.entry("503", 20L));
    assertThat(result.ok()).isEqualTo(20);
    assertThat(result.errors()).isEqualTo(20);
  }

  @Test
  void aBackgroundRunCoversWhatWasDueUntilStopped() throws InterruptedException {
    OpenLoop.Running running =
        OpenLoop.start(
            generator,
            baseUrl,
            2,
            100,
            i -> LoadRequest.get("/fast"),
            Duration.ZERO,
            Duration.ZERO);
    Thread.sleep(500);

    LoadResult result = running.stop();

    assertThat(result.completed()).isBetween(35L, 65L);
    assertThat(result.errors()).isZero();
  }

  @Test
  void aRefusedConnectionCountsAsFailed() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    LoadResult result =
        OpenLoop.run(
            generator,
            "http://127.0.0.1:" + closedPort,
            2,
            50,
            i -> LoadRequest.get("/fast"),
            Duration.ZERO,
            Duration.ofMillis(200));

    assertThat(result.completed()).isEqualTo(10);
    assertThat(result.statuses()).containsExactly(Map.entry(LoadResult.FAILED, 10L));
    assertThat(result.ok()).isZero();
  }

  @Test
  void eachRequestCarriesTheKeyOfItsOwnUserAndTheNoOpsMayGoWithout() {
    List<CharSequence> headers = List.of("Bearer key-of-user-0", "Bearer key-of-user-1");
    ClosedLoop.run(
        generator,
        baseUrl,
        2,
        i ->
            i < 20
                ? (i % 3 == 0
                    ? LoadRequest.postJson("/keyed/" + (i % 2), "{}", headers.get((int) (i % 2)))
                    : LoadRequest.get("/keyed/" + (i % 2), headers.get((int) (i % 2))))
                : null,
        Duration.ZERO,
        Duration.ofSeconds(10));
    OpenLoop.run(
        generator,
        baseUrl,
        2,
        100,
        i -> LoadRequest.get("/keyed/open-" + (i % 2), headers.get((int) (i % 2))),
        Duration.ZERO,
        Duration.ofMillis(200));
    LoadResult unkeyed =
        ClosedLoop.run(
            generator,
            baseUrl,
            1,
            i -> i < 3 ? LoadRequest.get("/keyed/none") : null,
            Duration.ZERO,
            Duration.ofSeconds(10));

    assertThat(keyed)
        .hasSize(20 + 20 + 3)
        .filteredOn(line -> line.startsWith("/keyed/0 ") || line.startsWith("/keyed/open-0 "))
        .hasSize(20)
        .allMatch(line -> line.endsWith(" Bearer key-of-user-0"));
    assertThat(keyed)
        .filteredOn(line -> line.startsWith("/keyed/1 ") || line.startsWith("/keyed/open-1 "))
        .hasSize(20)
        .allMatch(line -> line.endsWith(" Bearer key-of-user-1"));
    assertThat(keyed)
        .filteredOn(line -> line.startsWith("/keyed/none"))
        .containsOnly("/keyed/none null");
    assertThat(unkeyed.ok()).isEqualTo(3);
  }
}
