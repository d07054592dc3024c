package io.hivemind.simulator.bot;

import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * Told of every HTTP attempt a bot makes, retries included, with what came back: what a fault drill
 * needs to count the answers a fault cost (a {@code 503} with its {@code Retry-After}, no
 * connection, a bare {@code 500}). The demo keeps none.
 */
public interface AttemptLog {

  AttemptLog NONE = attempt -> {};

  void record(Attempt attempt);

  /**
   * One request sent and what came of it.
   *
   * @param method GET or POST
   * @param path the request's path, without its query
   * @param sent when it was sent
   * @param answered when the answer (or the failure) came
   * @param status the HTTP status, or {@link RetryPolicy.Result#NO_RESPONSE}
   * @param retryAfter the answer's {@code Retry-After}, or null
   * @param contentType the answer's {@code Content-Type}, or null
   * @param body the answer's body, or null
   * @param failure why there was no answer, or null
   */
  record Attempt(
      String method,
      String path,
      Instant sent,
      Instant answered,
      int status,
      String retryAfter,
      String contentType,
      String body,
      String failure) {

    public static Attempt answered(
        String method, String path, Instant sent, Instant answered, HttpResponse<String> response) {
      return new Attempt(
          method,
          path,
          sent,
          answered,
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          null);
    }

    public static Attempt failed(
        String method, String path, Instant sent, Instant answered, String failure) {
      return new Attempt(
          method, path, sent, answered, RetryPolicy.Result.NO_RESPONSE, null, null, null, failure);
    }
  }
}
