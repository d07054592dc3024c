package io.hivemind.confidence.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Remembers, per active user-stats partition, the end offset it had when this instance took it
 * over, and which partitions have since been processed up to it (ADR 17). Only the measuring thread
 * uses it.
 */
final class Takeovers {

  /** Where one active partition stands: the group's committed offset and the partition's end. */
  record Position(long committed, long end) {}

  private final Map<Integer, Long> targets = new HashMap<>();
  private final Set<Integer> settled = new HashSet<>();

  /**
   * @param active every partition whose active task runs here, with its position where measured; a
   *     partition no longer active forgets its mark, so taking it over again starts anew
   * @return the active partitions processed up to the end they had when taken over
   */
  Set<Integer> settle(Map<Integer, Position> active) {
    targets.keySet().retainAll(active.keySet());
    settled.retainAll(active.keySet());
    active.forEach(
        (partition, position) -> {
          long target = targets.computeIfAbsent(partition, p -> position.end());
          if (position.committed() >= target) {
            settled.add(partition);
          }
        });
    return Set.copyOf(settled);
  }
}
