package io.hivemind.botapi;

import io.hivemind.control.kafka.ControlStateUnknownException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * An answer that needs the control state while this instance cannot know it is 503, never an answer
 * built on a default: a bot is never told it may trade while the fleet may be halted, and a command
 * is never applied over a state this instance has not read.
 */
@Provider
public class ControlStateUnknownExceptionMapper
    implements ExceptionMapper<ControlStateUnknownException> {

  /** The control follower retries an unreadable record within a few seconds. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  @Override
  public Response toResponse(ControlStateUnknownException exception) {
    return ProblemResponses.unavailable(
        "the control state is not known here now (" + exception.getMessage() + "); retry",
        RETRY_AFTER);
  }
}
