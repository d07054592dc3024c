package io.hivemind.botapi;

import io.hivemind.schema.RegistryFaults;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * The problem to answer for a failure that no exception mapper claims. A transport fault, nobody's
 * mistake (the schema registry or the broker could not be reached or could not serve in time), is a
 * 503 to retry after {@link #RETRY_AFTER}; anything else a 500 naming an error id to find in the
 * log, with nothing of the exception's message in it.
 */
public final class FailureProblems {

  /** A transport fault is retried within seconds (registry lookups time out in 5). */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(FailureProblems.class);

  private FailureProblems() {}

  public static Problem of(Throwable failure) {
    if (RegistryFaults.isTransport(failure)) {
      LOG.warnf("answering 503: %s", failure);
      return Problem.unavailable("the schema registry cannot be reached now; retry");
    }
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof RetriableException) {
        LOG.warnf("answering 503: %s", failure);
        return Problem.unavailable("the event store (Kafka) cannot be reached now; retry");
      }
    }
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(failure, "answering 500, error id %s", errorId);
    return Problem.ofStatus(
        500, "Internal Server Error", "an unexpected error; error id " + errorId);
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
