package io.hivemind.access.kafka;

/** The key topic could not be read or written in time, or does not exist. */
public final class KeyTopicException extends RuntimeException {

  public KeyTopicException(String message) {
    super(message);
  }

  public KeyTopicException(String message, Throwable cause) {
    super(message, cause);
  }
}
