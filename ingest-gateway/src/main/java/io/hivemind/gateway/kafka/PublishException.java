package io.hivemind.gateway.kafka;

import io.hivemind.schema.RegistryFaults;
import java.io.IOException;
import java.time.Duration;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A record was not acknowledged. {@link #retriable()} tells whether sending the same request again
 * later can succeed (broker or registry unreachable, timed out), which the API answers with 503.
 */
public final class PublishException extends RuntimeException {

  private final boolean retriable;

  private PublishException(String message, Throwable cause, boolean retriable) {
    super(message, cause);
    this.retriable = retriable;
  }

  public boolean retriable() {
    return retriable;
  }

  static PublishException timedOut(String topic, Duration sendTimeout) {
    return new PublishException(
        "no acknowledgement from " + topic + " within " + sendTimeout, null, true);
  }

  static PublishException of(String topic, Throwable cause) {
    return new PublishException(
        "could not publish to " + topic + ": " + cause.getMessage(), cause, isRetriable(cause));
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
