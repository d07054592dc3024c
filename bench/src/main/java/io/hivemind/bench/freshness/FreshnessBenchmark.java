package io.hivemind.bench.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.bench.Stack;
import io.hivemind.bench.keys.BenchKeys;
import io.hivemind.bench.load.Preflight;
import io.hivemind.bench.report.LatencyReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * Freshness: the time from an outcome's POST (its 202 received) until the confidence answer counts
 * it, one trade at a time, for a fresh user. Every trade sits in the same pattern (same features,
 * entry times seconds apart in one session), so the answer's {@code evidence.user_trades} is the
 * number of trades learned. Beside it, the baseline: one confidence GET round trip, which is the
 * polling resolution.
 *
 * <p>The user's elite API key ({@link BenchKeys}) goes with every request. The gateway sees two
 * POSTs per trade, far below the key's limit; the confidence GETs poll as fast as answers come.
 *
 * <p>Options: {@code --trades N} (default 250).
 */
public final class FreshnessBenchmark {

  static final String NAME = "freshness";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GIVE_UP = Duration.ofSeconds(30);
  private static final double TARGET_P99_MS = 250;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** {@code trades}: how many trades are posted and awaited, one at a time. */
  public record Settings(int trades) {}

  /**
   * Posts the trades for a fresh user, one at a time, and prints how long each took to be counted
   * in the confidence answer.
   *
   * @throws Preflight.NotReady when the user's key is not accepted by the stack
   */
  public void run(Stack stack, Settings settings) throws Exception {
    int trades = settings.trades();
    String user = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    // one session of one day, a second apart: the same L2 pattern for every trade
    Instant entry0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(9));
    String confidenceUrl =
        stack.query()
            + "/api/ml/win_probability?user_id="
            + user
            + "&symbol=ES&side=LONG&rsi=34.2&vwap_z=-2.15&timestamp="
            + entry0;
    Histogram freshness = LatencyReport.histogram();
    Histogram roundTrip = LatencyReport.histogram();
    System.out.printf("freshness: %d trades for user %s%n", trades, user);
    String authorization =
        BenchKeys.mint(stack.kafka(), NAME, List.of(user), System.out)
            .awaitAccepted(stack.gateway(), stack.query(), System.out)
            .authorization(user);
    for (int i = 0; i < trades; i++) {
      String id = user + "-" + i;
      Instant entry = entry0.plusSeconds(i);
      post(stack.gateway() + "/api/signals", signal(user, id, entry), authorization);
      post(stack.gateway() + "/api/outcomes", outcome(user, id, entry, i % 3 == 0), authorization);
      long posted = System.nanoTime();
      while (true) {
        long before = System.nanoTime();
        JsonNode answer = get(confidenceUrl, authorization);
        long now = System.nanoTime();
        roundTrip.recordValue((now - before) / 1000);
        if (answer != null && answer.at("/evidence/user_trades").asLong() == i + 1) {
          freshness.recordValue((now - posted) / 1000);
          break;
        }
        if (now - posted > GIVE_UP.toNanos()) {
          throw new IllegalStateException("trade " + i + " not visible after " + GIVE_UP);
        }
      }
      if ((i + 1) % 50 == 0) {
        System.out.printf("  %d/%d trades measured%n", i + 1, trades);
      }
    }
    System.out.println();
    System.out.println(LatencyReport.line("freshness: outcome 202 -> in the answer", freshness));
    System.out.println(LatencyReport.line("baseline: one confidence GET round trip", roundTrip));
    double p99 = freshness.getValueAtPercentile(99) / 1000.0;
    System.out.printf(
        "  target p99 <= %.0f ms: %s (p99 %.1f ms)%n",
        TARGET_P99_MS, p99 <= TARGET_P99_MS ? "met" : "MISSED", p99);
  }

  private void post(String url, String body, String authorization)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + body);
    }
  }

  /** The answer, or null while the service cannot answer yet (503 while starting). */
  private JsonNode get(String url, String authorization) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
  }

  private static String signal(String user, String id, Instant entry) {
    return String.format(
        "{\"signal_id\":\"%s\",\"user_id\":\"%s\",\"symbol\":\"ES\",\"side\":\"LONG\","
            + "\"price\":4500.25,\"timestamp\":\"%s\",\"strategy\":\"vwap_rsi\","
            + "\"features\":{\"rsi\":34.2,\"vwap_z\":-2.15,\"atr\":3.5,\"volume_ratio\":1.4}}",
        id, user, entry);
  }

  private static String outcome(String user, String id, Instant entry, boolean win) {
    return String.format(
        "{\"signal_id\":\"%s\",\"user_id\":\"%s\",\"symbol\":\"ES\",\"side\":\"LONG\","
            + "\"entry_price\":4500.0,\"exit_price\":%s,\"entry_time\":\"%s\",\"exit_time\":\"%s\","
            + "\"contracts\":1,\"pnl\":%s,\"exit_reason\":\"%s\"}",
        id,
        user,
        win ? "4510.25" : "4495.0",
        entry,
        entry.plusSeconds(240),
        win ? "512.5" : "-250.0",
        win ? "TARGET" : "STOP");
  }
}
