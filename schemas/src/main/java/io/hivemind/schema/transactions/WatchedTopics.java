package io.hivemind.schema.transactions;

import java.util.List;

/**
 * The topics whose partitions the watchdog looks at: those whose names start with one of the
 * prefixes (the deployment's topic prefix, and a Kafka Streams application id followed by {@code -}
 * for its repartition and changelog topics).
 */
public record WatchedTopics(List<String> prefixes) {

  public WatchedTopics {
    prefixes = List.copyOf(prefixes);
    if (prefixes.isEmpty() || prefixes.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("watch at least one non-empty prefix: " + prefixes);
    }
  }

  public static WatchedTopics of(String... prefixes) {
    return new WatchedTopics(List.of(prefixes));
  }

  public boolean contains(String topic) {
    return prefixes.stream().anyMatch(topic::startsWith);
  }
}
