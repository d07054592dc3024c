package io.hivemind.access.http;

import io.hivemind.access.domain.Role;
import io.hivemind.botapi.Problem;
import io.hivemind.botapi.ProblemResponses;
import io.hivemind.botapi.Violation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/**
 * The answers of authentication, authorization and rate limiting, in problem+json like every other
 * error. None of them repeats what the caller sent in {@code Authorization}.
 */
final class AccessProblems {

  static final String UNAUTHORIZED = "urn:hivemind:problem:unauthorized";
  static final String FORBIDDEN = "urn:hivemind:problem:forbidden";
  static final String RATE_LIMITED = "urn:hivemind:problem:rate-limited";

  private static final String REALM = "Bearer realm=\"hivemind\"";

  private AccessProblems() {}

  /** No credentials at all (RFC 6750 §3: no error code then). */
  static Response missingKey() {
    return unauthorized("send Authorization: Bearer <API key>", REALM);
  }

  /** Credentials that are not a valid key: malformed, unknown or revoked. */
  static Response invalidKey(String detail) {
    return unauthorized(detail, REALM + ", error=\"invalid_token\"");
  }

  private static Response unauthorized(String detail, String challenge) {
    Problem problem = new Problem(UNAUTHORIZED, "Unauthorized", 401, detail, null, List.of());
    return Response.fromResponse(ProblemResponses.of(problem))
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .build();
  }

  /** The key is valid but its role does not allow this endpoint. */
  static Response roleTooLow(Role required, Role held) {
    return ProblemResponses.of(
        new Problem(
            FORBIDDEN,
            "Forbidden",
            403,
            "this endpoint needs a key with role "
                + required.wire()
                + "; this key has role "
                + held.wire(),
            null,
            List.of()));
  }

  /** The request names users other than the key's. */
  static Response notYourUser(List<Violation> violations) {
    return ProblemResponses.of(
        new Problem(
            FORBIDDEN,
            "Forbidden",
            403,
            "an API key acts for its own user only; nothing was accepted",
            null,
            violations));
  }

  /**
   * Over the tier's rate: retry after whole seconds, at least one. {@code events} is what the
   * refused request would have cost.
   */
  static Response rateLimited(int perSecond, int burst, int events, Duration wait) {
    long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    String cost = events == 1 ? "" : "; this request carries " + events + " events";
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .entity(
            new Problem(
                RATE_LIMITED,
                "Too many requests",
                429,
                "this key's tier allows "
                    + perSecond
                    + " events per second, "
                    + burst
                    + " at once after a pause (a request is one event, a batch one per item)"
                    + cost
                    + "; retry in "
                    + seconds
                    + " s",
                null,
                List.of()))
        .build();
  }

  /** Keys are still being read at startup: a key refused now may be valid in a moment. */
  static Response keysLoading(Duration retryAfter) {
    return ProblemResponses.unavailable(
        "this instance has not read every API key (starting, or a key record it cannot read yet);"
            + " retry shortly",
        retryAfter);
  }
}
