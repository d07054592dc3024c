package io.hivemind.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Measures how fast the kill switch takes effect on a running stack. For alternating pause_all /
 * resume_all commands, from just before the POST until (a) an already open control stream delivers
 * the new trading state and (b) a polling {@code GET /api/ml/win_probability} shows it; for
 * alternating learning pause / resume commands, until (c) the learner's {@code /api/learning}
 * reports it. Beside them, as the baseline, the round trip of a plain {@code GET
 * /api/maintenance/status}. Leaves the fleet ACTIVE and learning RUNNING.
 *
 * <pre>
 * mvn -q -pl e2e-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.hivemind.e2e.KillSwitchProbe \
 *   -Dexec.args="100 http://127.0.0.1:8080 http://127.0.0.1:8081 http://127.0.0.1:8082 .hivemind/admin.key"
 * </pre>
 */
public final class KillSwitchProbe {

  private static final Duration GIVE_UP = Duration.ofSeconds(30);
  private static final int BASELINE_GETS = 200;

  public static void main(String[] args) throws Exception {
    int toggles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    String gateway = args.length > 1 ? args[1] : "http://127.0.0.1:8080";
    String query = args.length > 2 ? args[2] : "http://127.0.0.1:8081";
    String learner = args.length > 3 ? args[3] : "http://127.0.0.1:8082";
    Path adminKeyFile = Path.of(args.length > 4 ? args[4] : ".hivemind/admin.key");
    Http http = new Http();
    Operator operator =
        new Operator(http, gateway, Files.readString(adminKeyFile).strip(), "the operator");
    String user = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String botKey = ProbeKeys.mint(user, gateway);
    String confidenceUrl =
        query
            + "/api/ml/win_probability?user_id="
            + user
            + "&symbol=ES&side=LONG&rsi=34.2&vwap_z=-2.15&threshold=0";

    resumeAll(operator, http, gateway);
    long[] baseline = new long[BASELINE_GETS];
    for (int i = 0; i < BASELINE_GETS; i++) {
      long before = System.nanoTime();
      Latencies.require(
          http.get(gateway + "/api/maintenance/status", Http.bearer(botKey)).status() == 200,
          "status GET");
      baseline[i] = System.nanoTime() - before;
    }

    long[] command = new long[toggles];
    long[] streamed = new long[toggles];
    long[] polled = new long[toggles];
    long[] pollRoundTrip = new long[toggles];
    long[] learning = new long[toggles];
    try (ControlStream stream =
        ControlStream.open(gateway + "/api/control/stream?user_id=" + user, botKey)) {
      Latencies.require(
          stream.awaitState(0, "ACTIVE", GIVE_UP).isPresent(), "fleet ACTIVE to begin with");
      for (int i = 0; i < toggles; i++) {
        boolean pause = i % 2 == 0;
        String state = pause ? "REDUCING" : "ACTIVE";
        String path = pause ? "/api/emergency/pause_all" : "/api/emergency/resume_all";
        int mark = stream.size();
        long t0 = System.nanoTime();
        Latencies.require(operator.command(path, "kill-switch probe " + i).status() == 200, path);
        command[i] = System.nanoTime() - t0;
        while (true) {
          long before = System.nanoTime();
          Http.Answer answer = http.get(confidenceUrl, Http.bearer(botKey));
          pollRoundTrip[i] = System.nanoTime() - before;
          if (answer.status() == 200
              && answer.body().path("trading_state").asText().equals(state)) {
            polled[i] = System.nanoTime() - t0;
            break;
          }
          Latencies.require(
              System.nanoTime() - t0 < GIVE_UP.toNanos(), "win_probability never showed it");
        }
        ControlStream.Event event =
            stream
                .awaitState(mark, state, GIVE_UP)
                .orElseThrow(() -> new IllegalStateException("the stream never delivered it"));
        streamed[i] = event.arrivedNanos() - t0;
      }
    } finally {
      resumeAll(operator, http, gateway);
    }

    try {
      for (int i = 0; i < toggles; i++) {
        boolean pause = i % 2 == 0;
        String state = pause ? "PAUSED" : "RUNNING";
        String path = pause ? "/api/learning/pause" : "/api/learning/resume";
        long t0 = System.nanoTime();
        Latencies.require(operator.command(path, "kill-switch probe " + i).status() == 200, path);
        while (true) {
          Http.Answer answer = http.get(learner + "/api/learning");
          if (answer.status() == 200 && answer.body().path("learning").asText().equals(state)) {
            learning[i] = System.nanoTime() - t0;
            break;
          }
          Latencies.require(
              System.nanoTime() - t0 < GIVE_UP.toNanos(), "the learner never reported it");
        }
      }
    } finally {
      resumeAll(operator, http, gateway);
    }

    // On a stack just started (./hivemind up --clean), toggle 0 is the first command after start:
    // the one that once took 4-11 s (first transaction, first schema lookups).
    System.out.printf(
        "first command: answered in %.1f ms, open control stream delivered it in %.1f ms%n",
        command[0] / 1e6, streamed[0] / 1e6);
    System.out.printf(
        "kill switch, from just before the command's POST, %d toggles each%n", toggles);
    Latencies.print("command answered (POST round trip)", command);
    Latencies.print("(a) open control stream delivers it", streamed);
    Latencies.print("(b) polled win_probability shows it", polled);
    Latencies.print("    one win_probability GET (last poll)", pollRoundTrip);
    Latencies.print("(c) learner /api/learning reports it", learning);
    Latencies.print("baseline: one maintenance/status GET", baseline);
  }

  /** Leaves the fleet trading and learning, whatever state the probe stopped in. */
  private static void resumeAll(Operator operator, Http http, String gateway) throws Exception {
    var fleet = operator.get("/api/maintenance/status").body();
    if (!fleet.path("trading_state").asText().equals("ACTIVE")) {
      Latencies.require(
          operator.command("/api/emergency/resume_all", "kill-switch probe: done").status() == 200,
          "resume_all");
    }
    if (!fleet.path("learning").asText().equals("RUNNING")) {
      Latencies.require(
          operator.command("/api/learning/resume", "kill-switch probe: done").status() == 200,
          "learning resume");
    }
  }
}
