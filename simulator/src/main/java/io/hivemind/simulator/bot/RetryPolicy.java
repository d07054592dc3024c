package io.hivemind.simulator.bot;

import io.hivemind.botapi.Backoff;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a bot on a flaky home network sends: a failure that may pass (no connection, a timeout, 429,
 * 502, 503, 504) is tried again after an exponentially growing, jittered pause, at least as long as
 * the server's {@code Retry-After}, up to a bounded number of attempts. Every attempt sends the
 * very same request, body and ids included, so the service can drop the duplicates a retry may
 * create. Any other answer is final: a 4xx is a rejection that no retry would change.
 */
public final class RetryPolicy {

  /**
   * The last answer to a request, or why there was none.
   *
   * @param status the HTTP status, or {@link #NO_RESPONSE}
   * @param failure what went wrong when there was no answer, else null
   */
  public record Result(int status, String body, int attempts, String failure) {

    public static final int NO_RESPONSE = -1;

    public boolean successful() {
      return status >= 200 && status < 300;
    }

    /** Refused as invalid: a 4xx other than 429. */
    public boolean rejected() {
      return status >= 400 && status < 500 && status != 429;
    }
  }

  /** Told before each retry, to count it. */
  public interface Listener {
    Listener NONE = (attempt, reason, delay) -> {};

    void retrying(int attempt, String reason, Duration delay);
  }

  private final int maxAttempts;
  private final Backoff backoff;

  /**
   * @param maxAttempts attempts in all, the first included
   * @param baseDelay the pause before the first retry, doubled before each further one
   * @param maxDelay the longest backoff pause
   * @param maxRetryAfter the longest {@code Retry-After} honoured (a bot will not wait for ever)
   */
  public RetryPolicy(
      int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.backoff = new Backoff(baseDelay, maxDelay, maxRetryAfter);
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Statuses that say "not now" rather than "no". */
  public static boolean isRetryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /**
   * The pause before retry number {@code retry} (1 for the first): half the exponential step fixed,
   * half jittered by {@code jitter} in [0, 1) so a fleet that failed together does not retry
   * together; never shorter than the server's {@code Retry-After} (as far as it is honoured).
   */
  public Duration delayBefore(int retry, Optional<Duration> retryAfter, double jitter) {
    return backoff.delayBefore(retry, retryAfter, jitter);
  }

  /** Sends {@code request} until it gets a final answer, runs out of attempts or is stopped. */
  public Result send(HttpClient client, HttpRequest request, StopSignal stop, Listener listener) {
    return send(client, request, stop, listener, AttemptLog.NONE);
  }

  /** {@link #send} telling {@code attempts} of every attempt and what came of it. */
  public Result send(
      HttpClient client,
      HttpRequest request,
      StopSignal stop,
      Listener listener,
      AttemptLog attempts) {
    Result last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Optional<Duration> retryAfter = Optional.empty();
      String reason;
      Instant sent = Instant.now();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        attempts.record(
            AttemptLog.Attempt.answered(
                request.method(), request.uri().getPath(), sent, Instant.now(), response));
        last = new Result(response.statusCode(), response.body(), attempt, null);
        if (!isRetryable(response.statusCode())) {
          return last;
        }
        reason = "HTTP " + response.statusCode();
        retryAfter =
            response
                .headers()
                .firstValue("Retry-After")
                .flatMap(value -> Backoff.parseRetryAfter(value, Instant.now()));
      } catch (IOException e) {
        reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        attempts.record(
            AttemptLog.Attempt.failed(
                request.method(), request.uri().getPath(), sent, Instant.now(), reason));
        last = new Result(Result.NO_RESPONSE, null, attempt, reason);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(Result.NO_RESPONSE, null, attempt, "interrupted");
      }
      if (attempt == maxAttempts || stop.isStopped()) {
        return last;
      }
      Duration delay = delayBefore(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
      listener.retrying(attempt + 1, reason, delay);
      if (!stop.pause(delay)) {
        return last;
      }
    }
    return last;
  }
}
