package io.hivemind.confidence.query;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The outcome of asking about one user: answered here, answered here from a copy that may be
 * behind, owned elsewhere, or not answerable now.
 */
public sealed interface QueryResult<T> {

  record Local<T>(T answer) implements QueryResult<T> {}

  /**
   * Answered from a copy that is not the caught-up active one (a standby while the owner is away,
   * or any copy during a rebalance): it may miss the last {@code lagRecords} records.
   */
  record Stale<T>(T answer, long lagRecords) implements QueryResult<T> {}

  /**
   * Another instance owns the user: ask it.
   *
   * @param fallback what to answer instead when the owner does not answer, or answers 503: this
   *     instance's own copy, stale (a blocking read, off the event loop)
   */
  record Remote<T>(String host, int port, Optional<Supplier<QueryResult<T>>> fallback)
      implements QueryResult<T> {

    public Remote(String host, int port) {
      this(host, port, Optional.empty());
    }
  }

  /** No instance can answer at the moment; a retry after {@code retryAfter} may succeed. */
  record Unavailable<T>(Duration retryAfter, String reason) implements QueryResult<T> {}
}
