package io.hivemind.gateway.kafka;

import io.hivemind.schema.RegistryFaults;
import java.io.IOException;
import java.time.Duration;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A record was not acknowledged. {@link #retriable()} tells whether sending the same request again
 * later can succeed (broker or registry unreachable, timed out), which the API answers with 503.
 * {@link #clockRefused()} tells that the broker refused the record's timestamp: this host's clock
 * is off by more than the broker tolerates and not corrected yet (ADR 16); retriable too, since the
 * clock probe corrects it within its interval.
 */
public final class PublishException extends RuntimeException {

  private final boolean retriable;
  private final boolean clockRefused;

  private PublishException(
      String message, Throwable cause, boolean retriable, boolean clockRefused) {
    super(message, cause);
    this.retriable = retriable;
    this.clockRefused = clockRefused;
  }

  public boolean retriable() {
    return retriable;
  }

  public boolean clockRefused() {
    return clockRefused;
  }

  static PublishException timedOut(String topic, Duration sendTimeout) {
    return new PublishException(
        "no acknowledgement from " + topic + " within " + sendTimeout, null, true, false);
  }

  /** Public for the tests of the mapping to HTTP; the publisher is the one that builds them. */
  public static PublishException of(String topic, Throwable cause) {
    boolean clockRefused = isCausedBy(cause, InvalidTimestampException.class);
    return new PublishException(
        "could not publish to " + topic + ": " + cause.getMessage(),
        cause,
        clockRefused || isRetriable(cause),
        clockRefused);
  }

  private static boolean isCausedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRetriable(Throwable failure) {
    if (RegistryFaults.isTransport(failure)) {
      return true; // a 5xx or 429 of the registry too, not only a socket error
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetriableException
          || cause instanceof IOException
          || cause instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
