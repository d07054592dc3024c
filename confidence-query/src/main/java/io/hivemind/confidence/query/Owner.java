package io.hivemind.confidence.query;

/** Which instance holds a user's statistics, as far as this instance can tell right now. */
sealed interface Owner {

  record ThisInstance(int partition) implements Owner {}

  record OtherInstance(String host, int port) implements Owner {}

  /** Nobody can be named: the app is starting, restoring or rebalancing. */
  record Unknown(String reason) implements Owner {}
}
