package io.hivemind.e2e;

import java.time.Instant;
import java.util.UUID;

/**
 * Measures freshness on a running stack: the time from an outcome's POST (202 received) until
 * {@code /api/ml/stats} shows it, one trade at a time. Beside it, as the baseline, the round trip
 * of the stats GET alone, so the polling cost is visible.
 *
 * <pre>
 * mvn -q -pl e2e-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.hivemind.e2e.FreshnessProbe -Dexec.args="250 http://127.0.0.1:8080 http://127.0.0.1:8081"
 * </pre>
 */
public final class FreshnessProbe {

  private static final long GIVE_UP_NANOS = 30_000_000_000L;

  public static void main(String[] args) throws Exception {
    int trades = args.length > 0 ? Integer.parseInt(args[0]) : 250;
    String gateway = args.length > 1 ? args[1] : "http://127.0.0.1:8080";
    String query = args.length > 2 ? args[2] : "http://127.0.0.1:8081";
    Http http = new Http();
    String user = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String[] key = Http.bearer(ProbeKeys.mint(user, gateway));
    String statsUrl = query + "/api/ml/stats?user_id=" + user + "&symbol=ES";
    long[] freshness = new long[trades];
    long[] statsRoundTrip = new long[trades];
    Instant start = Instant.now().minusSeconds(6 * 3600);
    for (int i = 0; i < trades; i++) {
      String id = user + "-" + i;
      Instant at = start.plusSeconds(60L * i);
      Latencies.require(
          http.post(gateway + "/api/signals", BotEvents.signal(user, id, "ES", at), key).status()
              == 202,
          "signal");
      long posted = System.nanoTime();
      Latencies.require(
          http.post(gateway + "/api/outcomes", BotEvents.outcome(user, id, "ES", at, true), key)
                  .status()
              == 202,
          "outcome");
      while (true) {
        long before = System.nanoTime();
        Http.Answer answer = http.get(statsUrl, key);
        statsRoundTrip[i] = System.nanoTime() - before;
        if (answer.status() == 200 && answer.body().at("/sides/LONG/trades").asLong() == i + 1) {
          freshness[i] = System.nanoTime() - posted;
          break;
        }
        Latencies.require(
            System.nanoTime() - posted < GIVE_UP_NANOS, "trade " + i + " never became visible");
      }
      if ((i + 1) % 50 == 0) {
        System.out.printf("  %d/%d trades measured%n", i + 1, trades);
      }
    }
    System.out.printf("freshness, outcome POST -> visible in /api/ml/stats, %d outcomes%n", trades);
    Latencies.print("freshness", freshness);
    Latencies.print("baseline: one stats GET round trip", statsRoundTrip);
  }
}
