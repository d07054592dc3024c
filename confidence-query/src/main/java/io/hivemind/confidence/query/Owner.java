package io.hivemind.confidence.query;

import java.util.Optional;

/** Which copy of a user's statistics answers, as far as this instance can tell right now. */
sealed interface Owner {

  /** This instance holds the active copy, caught up. */
  record ThisInstance(int partition) implements Owner {}

  /** The active copy is away; this instance's copy answers, marked stale with its lag. */
  record StaleCopy(int partition, long lag) implements Owner {}

  /**
   * Another instance holds the active copy.
   *
   * @param fallback this instance's copy, within the stale bound, for when the owner does not
   *     answer
   */
  record OtherInstance(String host, int port, Optional<StaleCopy> fallback) implements Owner {

    OtherInstance(String host, int port) {
      this(host, port, Optional.empty());
    }
  }

  /** Nobody can answer: the app is starting, restoring, rebalancing or catching up. */
  record Unknown(String reason) implements Owner {}
}
