package io.hivemind.gateway.backlog;

import io.hivemind.botapi.Problem;
import io.hivemind.botapi.Violation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Outcomes of a user whose backlog of outcomes waiting for their signals is full: answered 429
 * before anything is sent, naming each outcome's {@code signal_id}.
 */
public final class BacklogFullException extends RuntimeException {

  public static final String TYPE = "urn:hivemind:problem:outcome-backlog-full";

  private final transient Response answer;

  private BacklogFullException(Response answer) {
    super("the user's backlog of outcomes waiting for their signals is full", null, false, false);
    this.answer = answer;
  }

  Response answer() {
    return answer;
  }

  /**
   * Throws when {@code userId}'s backlog is full and the request carries outcomes whose signal is
   * not in it ({@code loneFields}: the path of each one's {@code signal_id}, looked at only for a
   * listed user). An outcome that comes with its signal, and every signal, passes: they are what
   * empties the backlog.
   */
  public static void throwIfFull(
      OutcomeBacklogs backlogs,
      String userId,
      Supplier<List<String>> loneFields,
      Duration retryAfter) {
    OptionalLong waiting = backlogs.fullBacklogOf(userId);
    if (waiting.isEmpty()) {
      return;
    }
    List<String> fields = loneFields.get();
    if (!fields.isEmpty()) {
      throw new BacklogFullException(answer(waiting.getAsLong(), fields, retryAfter));
    }
  }

  private static Response answer(long waiting, List<String> fields, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    String problem = waiting + " outcomes are waiting for their signals; post the signals first";
    List<Violation> violations =
        fields.stream()
            .map(
                field ->
                    new Violation(
                        field,
                        "no signal with this signal_id came with it and "
                            + problem
                            + " (the outcome may be sent with its signal)"))
            .toList();
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .entity(
            new Problem(
                TYPE,
                "Too many outcomes waiting for their signals",
                429,
                problem
                    + ". Until their signals arrive, or they are learned without them once the"
                    + " join horizon has passed, this user's outcomes are refused unless they come"
                    + " with their signal; nothing was accepted",
                null,
                violations))
        .build();
  }
}
