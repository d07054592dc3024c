package io.hivemind.chaos.fault;

import io.hivemind.simulator.bot.AttemptLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of statistics questions spread over several query instances as a load balancer in
 * front of them spreads it: round robin over the instances whose readiness answered UP when it was
 * last checked (every {@link #HEALTH_CHECK}), and a request whose connection is refused (an
 * instance stopping between two checks) is sent to the next one. Every answer is told to the
 * drill's attempt log: what a rolling restart cost is counted there.
 */
final class QueryLoad implements AutoCloseable {

  static final String ENDPOINT_TAG = "rolling";

  /** The path its attempts are recorded under, told apart from the bots' own questions. */
  static final String PATH = "/api/ml/stats (" + ENDPOINT_TAG + ")";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();
  private final List<URI> instances;
  private final String authorization;
  private final List<String> users;
  private final AttemptLog log;
  private final ScheduledExecutorService pool;
  private final AtomicLong next = new AtomicLong();
  private final boolean[] ready;

  /** How often the balancer checks each instance's readiness. */
  static final Duration HEALTH_CHECK = Duration.ofMillis(250);

  /**
   * @param instances the query instances' base URLs
   * @param authorization the {@code Authorization} header (a key that may read the users)
   * @param users whose statistics are asked for, one after the other (they live on different
   *     partitions, so on both instances)
   */
  QueryLoad(List<URI> instances, String authorization, List<String> users, AttemptLog log) {
    this.instances = List.copyOf(instances);
    this.authorization = authorization;
    this.users = List.copyOf(users);
    this.log = log;
    this.ready = new boolean[instances.size()];
    Arrays.fill(ready, true);
    this.pool =
        Executors.newScheduledThreadPool(
            8,
            runnable -> {
              Thread thread = new Thread(runnable, "chaos-query-load");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts {@code perSecond} questions a second, and the balancer's health checks. */
  void start(int perSecond) {
    pool.scheduleAtFixedRate(this::checkHealth, 0, HEALTH_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    pool.scheduleAtFixedRate(this::ask, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
  }

  private void checkHealth() {
    for (int i = 0; i < instances.size(); i++) {
      boolean up;
      try {
        up =
            http.send(
                        HttpRequest.newBuilder(URI.create(instances.get(i) + "/q/health/ready"))
                            .timeout(HEALTH_CHECK)
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
      } catch (IOException e) {
        up = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      synchronized (ready) {
        ready[i] = up;
      }
    }
  }

  /** The instances to try, in turn: the ready ones first; all of them when none is ready. */
  private List<URI> route(long turn) {
    List<URI> routed = new ArrayList<>();
    synchronized (ready) {
      for (int k = 0; k < instances.size(); k++) {
        int i = (int) ((turn + k) % instances.size());
        if (ready[i]) {
          routed.add(instances.get(i));
        }
      }
    }
    return routed.isEmpty() ? instances : routed;
  }

  private void ask() {
    long turn = next.getAndIncrement();
    for (URI base : route(turn)) {
      String user = users.get((int) (turn % users.size()));
      URI uri = URI.create(base + "/api/ml/stats?symbol=ES&user_id=" + user);
      Instant sent = Instant.now();
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", authorization)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        log.record(AttemptLog.Attempt.answered("GET", PATH, sent, Instant.now(), answer));
        return;
      } catch (ConnectException e) {
        // this instance is down: the balancer sends the request to the next one
      } catch (IOException e) {
        log.record(AttemptLog.Attempt.failed("GET", PATH, sent, Instant.now(), e.toString()));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    Instant now = Instant.now();
    log.record(AttemptLog.Attempt.failed("GET", PATH, now, now, "no instance up"));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
