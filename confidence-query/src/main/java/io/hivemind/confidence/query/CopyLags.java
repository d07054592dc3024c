package io.hivemind.confidence.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What this instance holds of each user-stats partition, from Kafka Streams' own figures. */
final class CopyLags {

  private CopyLags() {}

  /**
   * @param active the partitions whose active task runs here
   * @param standby the partitions whose standby task runs here
   * @param changelogLags per partition, the records of the store's changelog not applied yet
   *     ({@code allLocalStorePartitionLags}: a running active task counts as 0, a restoring one and
   *     a standby by their position)
   * @param sourceLags per partition, the records of {@code user-stats} past the offset the group
   *     committed (processed); absent when not measured
   * @param settled the active partitions processed up to the end they had when taken over
   */
  static Map<Integer, LocalCopy> combine(
      Set<Integer> active,
      Set<Integer> standby,
      Map<Integer, Long> changelogLags,
      Map<Integer, Long> sourceLags,
      Set<Integer> settled) {
    Map<Integer, LocalCopy> copies = new HashMap<>();
    for (int partition : standby) {
      copies.put(
          partition,
          Optional.ofNullable(changelogLags.get(partition))
              .map(LocalCopy::standby)
              .orElseGet(() -> LocalCopy.unmeasured(false)));
    }
    for (int partition : active) {
      Long source = sourceLags.get(partition);
      Long changelog = changelogLags.get(partition);
      // Unmeasured counts as behind: a task not measured yet may be a whole topic behind.
      copies.put(
          partition,
          source == null || changelog == null
              ? LocalCopy.unmeasured(true)
              : settled.contains(partition)
                  ? LocalCopy.active(Math.max(source, changelog))
                  : LocalCopy.takingOver(Math.max(source, changelog)));
    }
    return Map.copyOf(copies);
  }
}
