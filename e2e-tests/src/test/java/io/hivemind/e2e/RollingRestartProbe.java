package io.hivemind.e2e;

import java.net.ConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what bots get from two query instances while you restart them one after the other (issue
 * 13 item 2, ADR 17): {@code win_probability} at a steady rate, round robin over the instances as a
 * load balancer does it, routing only to instances whose readiness is UP (checked every 250 ms) and
 * retrying once on the other instance when a connection is refused. Prints every outcome counted
 * (200 fresh, 200 stale, each other status, each 503's reason, refused connections, client errors)
 * and, per second, the answers that were not fresh.
 *
 * <pre>
 * ./hivemind up && ./hivemind start confidence-query --port 8091
 * mvn -q -pl e2e-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.hivemind.e2e.RollingRestartProbe \
 *   -Dexec.args="120 100 http://127.0.0.1:8080 http://127.0.0.1:8081 http://127.0.0.1:8091"
 * # meanwhile: ./hivemind stop confidence-query; ./hivemind up;
 * #            ./hivemind stop confidence-query-8091; ./hivemind start confidence-query --port 8091
 * </pre>
 */
public final class RollingRestartProbe {

  private static final int USERS = 6;

  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    int rate = Integer.parseInt(args[1]);
    String gateway = args[2];
    List<String> instances = List.of(args[3], args[4]);
    Http http = new Http();
    List<String[]> keys = new ArrayList<>();
    List<String> users = new ArrayList<>();
    Instant at = Instant.now().minusSeconds(3600);
    for (int i = 0; i < USERS; i++) {
      String user = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      String[] key = Http.bearer(ProbeKeys.mint(user, gateway));
      String id = user + "-1";
      Latencies.require(
          http.post(gateway + "/api/signals", BotEvents.signal(user, id, "ES", at), key).status()
              == 202,
          "signal");
      Latencies.require(
          http.post(gateway + "/api/outcomes", BotEvents.outcome(user, id, "ES", at, true), key)
                  .status()
              == 202,
          "outcome");
      users.add(user);
      keys.add(key);
    }
    System.out.printf(
        "%d users, one trade each; asking %d/s for %d s: restart the instances now%n",
        USERS, rate, seconds);

    Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    boolean[] ready = {true, true};
    AtomicLong sequence = new AtomicLong();
    long start = System.nanoTime();
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(8);
    timer.scheduleAtFixedRate(
        () -> {
          for (int i = 0; i < 2; i++) {
            try {
              ready[i] = http.get(instances.get(i) + "/q/health/ready").status() == 200;
            } catch (Exception e) {
              ready[i] = false;
            }
          }
        },
        0,
        250,
        TimeUnit.MILLISECONDS);
    timer.scheduleAtFixedRate(
        () -> {
          long n = sequence.getAndIncrement();
          int user = (int) (n % USERS);
          int first = (int) ((n / USERS) % 2);
          if (!ready[first] && ready[1 - first]) {
            first = 1 - first;
          }
          String outcome = ask(http, instances.get(first), users.get(user), keys.get(user), counts);
          if (outcome.equals("refused")) {
            count(counts, "connection refused, retried on the other instance");
            outcome = ask(http, instances.get(1 - first), users.get(user), keys.get(user), counts);
          }
          count(counts, outcome);
          if (!outcome.equals("200 fresh")) {
            count(
                counts,
                String.format(
                    "second %03d: %s", (System.nanoTime() - start) / 1_000_000_000L, outcome));
          }
        },
        0,
        1_000_000 / rate,
        TimeUnit.MICROSECONDS);
    Thread.sleep(seconds * 1000L);
    timer.shutdown();
    Latencies.require(timer.awaitTermination(30, TimeUnit.SECONDS), "requests still running");
    new TreeMap<>(counts).forEach((outcome, count) -> System.out.println(outcome + "  " + count));
  }

  private static String ask(
      Http http, String instance, String user, String[] key, Map<String, AtomicLong> counts) {
    try {
      Http.Answer answer =
          http.get(
              instance
                  + "/api/ml/win_probability?user_id="
                  + user
                  + "&symbol=ES&side=LONG&rsi=34.2&vwap_z=-2.15",
              key);
      if (answer.status() == 200) {
        return answer.body().at("/freshness/stale").asBoolean() ? "200 stale" : "200 fresh";
      }
      if (answer.status() == 503) {
        count(
            counts,
            "503 reason: " + answer.body().at("/detail").asText().replaceAll("[0-9]+", "N"));
      }
      return String.valueOf(answer.status());
    } catch (ConnectException e) {
      return "refused";
    } catch (Exception e) {
      return "client error " + e.getClass().getSimpleName();
    }
  }

  private static void count(Map<String, AtomicLong> counts, String outcome) {
    counts.computeIfAbsent(outcome, ignored -> new AtomicLong()).incrementAndGet();
  }
}
