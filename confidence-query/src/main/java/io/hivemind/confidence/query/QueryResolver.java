package io.hivemind.confidence.query;

import io.hivemind.schema.RegistryFaults;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** Turns which copy answers into what to answer. */
final class QueryResolver {

  private QueryResolver() {}

  /**
   * @param forwarded whether another instance already sent this request here as to the owner
   * @param readLocally answers from this instance's active copy of the user's partition
   * @param readStale answers from whatever copy of the partition this instance holds (a standby, or
   *     any copy during a rebalance)
   */
  static <T> QueryResult<T> resolve(
      Owner owner,
      boolean forwarded,
      Duration retryAfter,
      IntFunction<T> readLocally,
      IntFunction<T> readStale) {
    if (owner instanceof Owner.ThisInstance local) {
      return read(retryAfter, () -> new QueryResult.Local<>(readLocally.apply(local.partition())));
    }
    if (owner instanceof Owner.StaleCopy stale) {
      return stale(stale, retryAfter, readStale);
    }
    if (owner instanceof Owner.OtherInstance remote) {
      // The sender believed this instance to be the owner: the two views differ while ownership
      // moves. Answering (from a copy here, or 503) instead of forwarding again means a request
      // never travels in a loop.
      if (forwarded) {
        return remote
            .fallback()
            .map(copy -> stale(copy, retryAfter, readStale))
            .orElseGet(
                () -> new QueryResult.Unavailable<>(retryAfter, "ownership of the user is moving"));
      }
      Optional<Supplier<QueryResult<T>>> fallback =
          remote.fallback().map(copy -> () -> stale(copy, retryAfter, readStale));
      return new QueryResult.Remote<>(remote.host(), remote.port(), fallback);
    }
    return new QueryResult.Unavailable<>(retryAfter, ((Owner.Unknown) owner).reason());
  }

  private static <T> QueryResult<T> stale(
      Owner.StaleCopy copy, Duration retryAfter, IntFunction<T> readStale) {
    return read(
        retryAfter, () -> new QueryResult.Stale<>(readStale.apply(copy.partition()), copy.lag()));
  }

  private static <T> QueryResult<T> read(Duration retryAfter, Supplier<QueryResult<T>> read) {
    try {
      return read.get();
    } catch (InvalidStateStoreException e) {
      // The store closed under us (a rebalance started): the caller retries, we never spin.
      return new QueryResult.Unavailable<>(retryAfter, "stores not queryable: " + e.getMessage());
    } catch (RuntimeException e) {
      // The stores hold the registry's framing: a key is serialized and a value read through
      // the registry serdes, whose first lookup of a schema needs the registry. Unreachable, it
      // is a 503 to retry, never an answer made up without the user's statistics.
      if (RegistryFaults.isTransport(e)) {
        return new QueryResult.Unavailable<>(
            retryAfter, "statistics cannot be read now: the schema registry is unavailable");
      }
      throw e;
    }
  }
}
