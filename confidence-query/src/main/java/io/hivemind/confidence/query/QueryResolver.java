package io.hivemind.confidence.query;

import io.hivemind.schema.RegistryFaults;
import java.time.Duration;
import java.util.function.IntFunction;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** Turns who owns a user into what to answer. */
final class QueryResolver {

  private QueryResolver() {}

  /**
   * @param forwarded whether another instance already sent this request here as to the owner
   * @param readLocally answers from this instance's stores for the user's partition
   */
  static <T> QueryResult<T> resolve(
      Owner owner, boolean forwarded, Duration retryAfter, IntFunction<T> readLocally) {
    if (owner instanceof Owner.ThisInstance local) {
      try {
        return new QueryResult.Local<>(readLocally.apply(local.partition()));
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
    if (owner instanceof Owner.OtherInstance remote) {
      // The sender believed this instance to be the owner: the two views differ while ownership
      // moves. Answering 503 instead of forwarding again means a request never travels in a loop.
      return forwarded
          ? new QueryResult.Unavailable<>(retryAfter, "ownership of the user is moving")
          : new QueryResult.Remote<>(remote.host(), remote.port());
    }
    return new QueryResult.Unavailable<>(retryAfter, ((Owner.Unknown) owner).reason());
  }
}
