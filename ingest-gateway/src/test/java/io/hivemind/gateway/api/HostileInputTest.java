package io.hivemind.gateway.api;

import static io.hivemind.gateway.api.Ingest.assertNothingPublished;
import static io.hivemind.gateway.api.Ingest.assertProblem;
import static io.hivemind.gateway.api.Ingest.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.gateway.access.TestKeys;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client can send within the body size limit: each is a clear 4xx in problem+json,
 * and nothing reaches Kafka.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class HostileInputTest {

  @TestHTTPResource("/api/signals")
  URI signals;

  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe();
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  private void assertRefused(String path, String body, String field) {
    assertNothingPublished(probe, () -> assertProblem(post(path, body), 400, field));
  }

  private static String signalWith(String field, String rawJsonValue) {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put(field, "RAW_VALUE");
    return Bodies.json(signal).replace("\"RAW_VALUE\"", rawJsonValue);
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void shouldRefuseNestingDeeperThan32EvenInAFieldItIgnores() {
    // Without the bound, the parser would skip this unknown field and accept the signal.
    assertRefused("/api/signals", signalWith("extra", nested(40)), "body");
    assertRefused("/api/signals", signalWith("extra", nested(50_000)), "body");
    post("/api/signals", signalWith("extra", nested(8))).statusCode(202);
  }

  @Test
  void shouldRefuseHugeNumbers() {
    assertRefused("/api/signals", signalWith("price", "1" + "0".repeat(100_000)), "body");
    assertRefused("/api/signals", signalWith("price", "4500." + "1".repeat(80)), "body");
    assertRefused("/api/signals", signalWith("price", "1e400"), "price");
    assertRefused("/api/outcomes", outcomeWith("contracts", "99999999999999999999"), "body");
    assertRefused("/api/outcomes", outcomeWith("contracts", "1e10"), "body");
  }

  private static String outcomeWith(String field, String rawJsonValue) {
    Map<String, Object> outcome = Bodies.outcome(Ingest.user());
    outcome.put(field, "RAW_VALUE");
    return Bodies.json(outcome).replace("\"RAW_VALUE\"", rawJsonValue);
  }

  @Test
  void shouldRefuseHugeStringsAndNames() {
    // refused by the parser (over 16 KiB), before the validator would see the value
    assertRefused(
        "/api/signals", signalWith("strategy", "\"" + "x".repeat(20_000) + "\""), "strategy");
    assertRefused(
        "/api/signals", signalWith("features", "{\"" + "a".repeat(5_000) + "\":1.0}"), "features");
    assertRefused(
        "/api/signals", signalWith("signal_id", "\"" + "a".repeat(65) + "\""), "signal_id");
  }

  @Test
  void shouldRefuseNanAndInfinityInEveryForm() {
    for (String value : List.of("NaN", "Infinity", "-Infinity", "+Infinity")) {
      assertRefused("/api/signals", signalWith("price", value), "price");
      assertRefused("/api/signals", signalWith("price", "\"" + value + "\""), "price");
      assertRefused(
          "/api/signals", signalWith("features", "{\"rsi\":\"" + value + "\"}"), "features.rsi");
    }
  }

  @Test
  void shouldRefuseAFieldGivenTwiceAndTrailingContent() {
    String signal = Bodies.json(Bodies.signal(Ingest.user()));
    assertRefused("/api/signals", signal.replaceFirst("\\{", "{\"symbol\":\"NQ\","), "body");
    assertRefused("/api/signals", signal + "{\"signal_id\":\"again\"}", "body");
    assertRefused("/api/signals", signal + " garbage", "body");
  }

  @Test
  void shouldRefuseUnicodeLookalikesInSymbolsAndIds() {
    List<Map.Entry<String, String>> tricks =
        List.of(
            Map.entry("symbol", "\u0415S"), // Cyrillic capital Ie, looks like E
            Map.entry("symbol", "E\u200BS"), // zero-width space
            Map.entry("symbol", "\uFF25\uFF33"), // fullwidth ES
            Map.entry("signal_id", "sig\u200D1"), // zero-width joiner
            Map.entry("signal_id", "sig\u202E1"), // right-to-left override
            Map.entry("signal_id", "sig\u00001"), // NUL
            Map.entry("strategy", "vwap_rs\u0456") // Cyrillic small i
            );
    for (Map.Entry<String, String> trick : tricks) {
      Map<String, Object> signal = Bodies.signal(Ingest.user());
      signal.put(trick.getKey(), trick.getValue());
      assertRefused("/api/signals", Bodies.json(signal), trick.getKey());
    }
    Map<String, Object> features = Bodies.signal(Ingest.user());
    features.put("features", Map.of("rs\u0456", 30.0));
    assertRefused("/api/signals", Bodies.json(features), "features.rs\u0456");
    Map<String, Object> heartbeat = Bodies.heartbeat(Ingest.user());
    heartbeat.put("symbols", List.of("ES", "N\u200CQ"));
    assertRefused("/api/bots/heartbeat", Bodies.json(heartbeat), "symbols[1]");
    // the key's user id with a zero-width space: looks the same, is another user
    Map<String, Object> lookalike = Bodies.signal(Ingest.user() + "\u200B");
    assertNothingPublished(
        probe, () -> post("/api/signals", Bodies.json(lookalike)).statusCode(403));
  }

  @Test
  void shouldRefuseASymbolThatIsNoConfiguredInstrument() {
    Map<String, Object> signal = Bodies.signal(Ingest.user());
    signal.put("symbol", "ZZZ1");
    assertRefused("/api/signals", Bodies.json(signal), "symbol");
    Map<String, Object> outcome = Bodies.outcome(Ingest.user());
    outcome.put("symbol", "AAPL");
    assertRefused("/api/outcomes", Bodies.json(outcome), "symbol");
    List<Map<String, Object>> outcomes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      outcomes.add(Bodies.outcome(Ingest.user()));
    }
    outcomes.get(3).put("symbol", "ZZZ" + 3);
    assertRefused(
        "/api/events",
        Bodies.json(Map.of("signals", List.of(Bodies.signal(Ingest.user())), "outcomes", outcomes)),
        "outcomes[3].symbol");
    Map<String, Object> heartbeat = Bodies.heartbeat(Ingest.user());
    heartbeat.put("symbols", List.of("ES", "BTC"));
    assertRefused("/api/bots/heartbeat", Bodies.json(heartbeat), "symbols[1]");
  }

  @Test
  void shouldRefuseTimesFarInTheFutureOrPast() {
    for (String time :
        List.of(
            Bodies.minutesAgo(-6),
            Bodies.minutesAgo(30L * 24 * 60 + 1),
            "9999-12-31T23:59:59Z",
            "+1000000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "2026-11-21T14:32:45",
            "2026-02-30T00:00:00Z",
            "\u0662\u0660\u0662\u0666-11-21T14:32:45Z")) {
      Map<String, Object> signal = Bodies.signal(Ingest.user());
      signal.put("timestamp", time);
      assertRefused("/api/signals", Bodies.json(signal), "timestamp");
    }
  }

  @Test
  void shouldRefuseABatchOverTheLimitWithinTheBodySize() {
    List<Map<String, Object>> signals = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) {
      Map<String, Object> signal = Bodies.signal(Ingest.user());
      signal.remove("user_id");
      signal.remove("features");
      signal.remove("strategy");
      signals.add(signal);
    }
    String body = Bodies.json(Map.of("signals", signals));
    assertThat(body.length()).isLessThan(256 * 1024);
    assertRefused("/api/events", body, "body");
  }

  @Test
  void shouldAnswerOtherContentTypesWith415() throws Exception {
    byte[] body = Bodies.json(Bodies.signal(Ingest.user())).getBytes(StandardCharsets.UTF_8);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/json-patch+json",
            "multipart/form-data; boundary=x")) {
      assertNothingPublished(
          probe,
          () -> {
            HttpResponse<String> answer =
                send(
                    http,
                    HttpRequest.newBuilder(signals)
                        .header("Authorization", TestKeys.bot().header())
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
            assertThat(answer.statusCode()).as(type).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                    value -> assertThat(value).startsWith("application/problem+json"));
          });
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
