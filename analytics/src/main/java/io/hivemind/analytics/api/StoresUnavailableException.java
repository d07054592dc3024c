package io.hivemind.analytics.api;

/** The analytics' stores cannot be read now (starting, restoring, rebalancing): answered 503. */
class StoresUnavailableException extends RuntimeException {

  StoresUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
