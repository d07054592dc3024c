package io.hivemind.notifier.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Which offsets of the notifications topic may be committed: a record's offset is done once every
 * delivery it fanned out to has ended (delivered, or dead-lettered with its reason), and the
 * committable position of a partition is its lowest record not done. A notifier killed mid-way
 * therefore reads again from there: a delivery may be repeated (with the same event id), none is
 * skipped.
 */
public final class CommitTracker {

  private final Map<Integer, TreeMap<Long, Integer>> pending = new HashMap<>();
  private final Map<Integer, Long> next = new HashMap<>();

  /** A record read, with how many deliveries it fanned out to (0: done already). */
  public synchronized void track(int partition, long offset, int deliveries) {
    next.merge(partition, offset + 1, Math::max);
    if (deliveries > 0) {
      pending.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, deliveries);
    }
  }

  /** One of the record's deliveries ended. */
  public synchronized void ended(int partition, long offset) {
    TreeMap<Long, Integer> open = pending.get(partition);
    if (open == null) {
      return;
    }
    open.computeIfPresent(offset, (o, left) -> left == 1 ? null : left - 1);
  }

  /** The offset to commit for {@code partition} (the next record to read), if any was read. */
  public synchronized OptionalLong committable(int partition) {
    Long after = next.get(partition);
    if (after == null) {
      return OptionalLong.empty();
    }
    TreeMap<Long, Integer> open = pending.get(partition);
    return OptionalLong.of(open == null || open.isEmpty() ? after : open.firstKey());
  }

  /** Deliveries not ended, over every partition. */
  public synchronized int open() {
    return pending.values().stream().mapToInt(TreeMap::size).sum();
  }

  /** Forgets a partition this instance no longer owns. */
  public synchronized void revoke(int partition) {
    pending.remove(partition);
    next.remove(partition);
  }
}
