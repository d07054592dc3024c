package io.hivemind.botapi;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Builds the HTTP responses that carry a {@link Problem}. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static Response of(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /** A 503 telling the caller when to retry (whole seconds, at least one). */
  public static Response unavailable(String detail, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .entity(Problem.unavailable(detail))
        .build();
  }
}
