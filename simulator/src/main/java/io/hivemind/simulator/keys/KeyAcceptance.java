package io.hivemind.simulator.keys;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Waits, bounded, until services accept the keys just minted. A service reads the key topic about
 * once a second and answers 401 for a key it has not read yet (503 while it is still catching up at
 * startup), so a bot started straight after minting would see its first requests refused. One cheap
 * authenticated GET per service, with the key written last, tells when it has read them all.
 */
public final class KeyAcceptance {

  /** The longest the wait takes, all services together. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(10);

  private static final Duration PAUSE = Duration.ofMillis(100);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  /** One service's cheap authenticated GET. */
  public record Probe(String service, URI uri) {

    /** {@code GET /api/maintenance/status?user_id=U}: the user's trading status. */
    public static Probe gateway(URI base, String userId) {
      return new Probe(
          "ingest-gateway",
          URI.create(trimmed(base) + "/api/maintenance/status?user_id=" + q(userId)));
    }

    /** {@code GET /api/ml/stats?user_id=U&symbol=ES}: the user's record, zeros for a new one. */
    public static Probe query(URI base, String userId) {
      return new Probe(
          "confidence-query",
          URI.create(trimmed(base) + "/api/ml/stats?user_id=" + q(userId) + "&symbol=ES"));
    }

    private static String trimmed(URI base) {
      return base.toString().replaceAll("/+$", "");
    }

    private static String q(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }

  private final HttpClient http;
  private final Duration max;
  private final Duration pause;

  public KeyAcceptance(HttpClient http) {
    this(http, MAX_WAIT, PAUSE);
  }

  KeyAcceptance(HttpClient http, Duration max, Duration pause) {
    this.http = http;
    this.max = max;
    this.pause = pause;
  }

  /**
   * Returns once each service of {@code probes} answers its probe with a 2xx for the key of {@code
   * keys}' last user (written last, so every key of the run is then known to it). A 401, 429 or
   * 503, or no answer, is tried again after a short pause until the bound; any other status ends
   * the wait at once.
   *
   * @param probes built for {@code keys.lastUser()}
   * @return how long it took
   * @throws KeyNotAcceptedException naming the service, the URL and its last answer
   */
  public Duration awaitAccepted(BotKeys keys, List<Probe> probes) throws InterruptedException {
    String authorization = keys.authorization(keys.lastUser());
    long started = System.nanoTime();
    long deadline = started + max.toNanos();
    for (Probe probe : probes) {
      await(probe, authorization, deadline);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private void await(Probe probe, String authorization, long deadline) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(probe.uri())
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .GET()
            .build();
    String last;
    while (true) {
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 200 && status < 300) {
          return;
        }
        last = "answered " + status;
        if (status != 401 && status != 429 && status != 503) {
          throw new KeyNotAcceptedException(
              probe.service()
                  + " refused a freshly minted key: GET "
                  + probe.uri()
                  + " "
                  + last
                  + " (expected 200, or 401 until it has read the key)");
        }
      } catch (IOException e) {
        last =
            "did not answer ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + ")";
      }
      if (System.nanoTime() + pause.toNanos() > deadline) {
        throw new KeyNotAcceptedException(
            probe.service()
                + " did not accept the keys just minted within "
                + (max.toMillis() % 1000 == 0 ? max.toSeconds() + " s" : max.toMillis() + " ms")
                + ": GET "
                + probe.uri()
                + " "
                + last
                + " (does it read its keys from the same Kafka and topic prefix?)");
      }
      Thread.sleep(pause.toMillis()); // bounded by the deadline above
    }
  }
}
