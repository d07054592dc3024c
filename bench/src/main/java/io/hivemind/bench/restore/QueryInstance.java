package io.hivemind.bench.restore;

import io.hivemind.bench.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One confidence-query instance started as the real process is: {@code ./hivemind start
 * confidence-query --port P --name N}, with the topic prefix and a fresh application id in its
 * environment ({@code HIVEMIND_TOPIC_PREFIX}, {@code QUARKUS_KAFKA_STREAMS_APPLICATION_ID}; its
 * state directory is {@code $HIVEMIND_HOME/N/state}, new for a new name). Measures, from the moment
 * it is started, when it is ready and when {@code /api/ml/stats} first answers 200, and answers
 * with the probe user's full statistics. It asks with the probe user's key, minted in the
 * instance's own key topic before it starts (so the instance reads it at startup).
 */
final class QueryInstance implements AutoCloseable {

  /** What one start measured; seconds from {@code ./hivemind start}, NaN when never reached. */
  record Timing(
      double jvmStartDelay,
      double ready,
      double firstStats,
      double fullStats,
      String firstAnswer,
      double serviceCpuSeconds) {}

  private static final Pattern TOTAL_TRADES = Pattern.compile("\"total\":\\{\"trades\":(\\d+)");

  private final Stack stack;
  private final String name;
  private final int port;
  private final String prefix;
  private final String applicationId;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private Process launcher;
  private long pid = -1;

  /**
   * @param authorization {@code Bearer <key>} of the probe user, from the key topic under {@code
   *     prefix}
   */
  QueryInstance(
      Stack stack,
      String name,
      int port,
      String prefix,
      String applicationId,
      String authorization) {
    this.stack = stack;
    this.name = name;
    this.port = port;
    this.prefix = prefix;
    this.applicationId = applicationId;
    this.authorization = authorization;
  }

  String applicationId() {
    return applicationId;
  }

  /**
   * Starts it and polls until {@code /api/ml/stats?user_id=probeUser&symbol=probeSymbol} reports
   * {@code probeTrades} (or, when that is negative, until its first 200), or {@code timeout}.
   */
  Timing startAndMeasure(String probeUser, String probeSymbol, long probeTrades, Duration timeout)
      throws Exception {
    Path log = Files.createTempFile("hivemind-bench-" + name + "-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                stack.root().resolve("hivemind").toString(),
                "start",
                "confidence-query",
                "--port",
                String.valueOf(port),
                "--name",
                name)
            .directory(stack.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("HIVEMIND_TOPIC_PREFIX", prefix);
    builder.environment().put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", applicationId);
    builder.environment().put("HIVEMIND_WAIT_SECONDS", String.valueOf(timeout.toSeconds() + 30));
    Path pidFile = stack.home().resolve("pids").resolve(name + ".pid");
    Files.deleteIfExists(pidFile);
    long started = System.nanoTime();
    double spawnUptime = uptime();
    launcher = builder.start();
    long deadline = started + timeout.toNanos();
    double jvmDelay = Double.NaN;
    double ready = Double.NaN;
    double firstStats = Double.NaN;
    double fullStats = Double.NaN;
    String firstAnswer = "";
    int retries = 0;
    String base = "http://127.0.0.1:" + port;
    URI readyUri = URI.create(base + "/q/health/ready");
    URI statsUri =
        URI.create(base + "/api/ml/stats?user_id=" + probeUser + "&symbol=" + probeSymbol);
    long lastNote = started;
    while (System.nanoTime() < deadline) {
      double now = (System.nanoTime() - started) / 1e9;
      if (pid < 0) {
        pid = readPid(pidFile);
        if (pid > 0) {
          double jvmStart = startUptime(pid);
          jvmDelay = jvmStart < 0 || spawnUptime < 0 ? Double.NaN : jvmStart - spawnUptime;
        } else if (!launcher.isAlive() && readPid(pidFile) < 0) {
          String said = Files.readString(log).strip();
          // ./hivemind's is_service (services | grep -q, under pipefail) fails at random when
          // grep's early exit kills the writer with SIGPIPE: try again, a few times
          if (said.contains("is not a service") && retries++ < 5) {
            launcher = builder.start();
            continue;
          }
          throw new IllegalStateException("./hivemind start failed: " + said);
        }
      } else if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
        throw new IllegalStateException(
            name + " exited; see " + stack.home().resolve("logs/" + name + ".log"));
      }
      if (pid > 0 && Double.isNaN(ready) && status(readyUri) == 200) {
        ready = (System.nanoTime() - started) / 1e9;
        System.out.printf("  %-22s %6.2f s  /q/health/ready UP%n", name, ready);
      }
      if (pid > 0 && Double.isNaN(fullStats)) {
        HttpResponse<String> answer = get(statsUri, authorization);
        if (answer != null && answer.statusCode() == 200) {
          double at = (System.nanoTime() - started) / 1e9;
          if (Double.isNaN(firstStats)) {
            firstStats = at;
            firstAnswer = trades(answer.body());
            System.out.printf(
                "  %-22s %6.2f s  first 200 from /api/ml/stats (total trades %s)%n",
                name, at, firstAnswer);
          }
          if (probeTrades < 0 || String.valueOf(probeTrades).equals(trades(answer.body()))) {
            fullStats = at;
            if (probeTrades >= 0) {
              System.out.printf(
                  "  %-22s %6.2f s  /api/ml/stats answers the probe user's full record (%d trades)%n",
                  name, at, probeTrades);
            }
          }
        }
      }
      if (!Double.isNaN(ready) && !Double.isNaN(fullStats)) {
        break;
      }
      if (System.nanoTime() - lastNote > 5_000_000_000L) {
        lastNote = System.nanoTime();
        System.out.printf(
            "  %-22s %6.1f s  waiting: ready %s, stats %s%n",
            name,
            now,
            Double.isNaN(ready) ? "no" : "yes",
            Double.isNaN(firstStats) ? "no 200 yet" : "200 but not the full record yet");
      }
      Thread.sleep(20);
    }
    if (Double.isNaN(ready) || Double.isNaN(fullStats)) {
      throw new IllegalStateException(
          name
              + " did not answer within "
              + timeout
              + " (raise --timeout); its log: "
              + stack.home().resolve("logs/" + name + ".log"));
    }
    return new Timing(jvmDelay, ready, firstStats, fullStats, firstAnswer, cpuSeconds(pid));
  }

  private static String trades(String body) {
    Matcher matcher = TOTAL_TRADES.matcher(body);
    return matcher.find() ? matcher.group(1) : "?";
  }

  private int status(URI uri) {
    HttpResponse<String> response = get(uri, null);
    return response == null ? -1 : response.statusCode();
  }

  private HttpResponse<String> get(URI uri, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** CPU seconds (user + system) process {@code pid} has used; NaN when unknown. */
  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Seconds since boot, to 10 ms ({@code /proc/uptime}); -1 when unknown. */
  private static double uptime() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** When process {@code pid} started, in seconds since boot ({@code /proc/<pid>/stat}). */
  private static double startUptime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[19]) / 100.0; // field 22: starttime, in clock ticks
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long readPid(Path pidFile) {
    try {
      return Long.parseLong(Files.readString(pidFile).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** Stops the instance by its PID (through {@code ./hivemind stop}), and removes its state. */
  @Override
  public void close() {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroy(); // the ./hivemind start script that waits for it, not the service
    }
    if (pid < 0) {
      pid = readPid(stack.home().resolve("pids").resolve(name + ".pid"));
    }
    if (pid > 0) {
      try {
        Process stop =
            new ProcessBuilder(stack.root().resolve("hivemind").toString(), "stop", name)
                .directory(stack.root().toFile())
                .redirectErrorStream(true)
                .start();
        String said = new String(stop.getInputStream().readAllBytes()).strip();
        stop.waitFor();
        System.out.println("  " + said);
      } catch (IOException | InterruptedException e) {
        System.out.println("  ./hivemind stop " + name + " failed: " + e);
      }
      long stopped = pid;
      ProcessHandle.of(stopped)
          .filter(ProcessHandle::isAlive)
          .ifPresent(
              handle -> {
                System.out.println("  " + name + " still runs: killing pid " + stopped);
                handle.destroyForcibly();
              });
    }
    io.hivemind.bench.backlog.BenchFiles.deleteRecursively(stack.home().resolve(name));
  }
}
