package io.hivemind.confidence.query;

import java.time.Duration;

/** The outcome of asking about one user: answered here, owned elsewhere, or not answerable now. */
public sealed interface QueryResult<T> {

  record Local<T>(T answer) implements QueryResult<T> {}

  /** Another instance owns the user: ask it. */
  record Remote<T>(String host, int port) implements QueryResult<T> {}

  /** No instance can answer at the moment; a retry after {@code retryAfter} may succeed. */
  record Unavailable<T>(Duration retryAfter, String reason) implements QueryResult<T> {}
}
