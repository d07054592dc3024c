package io.hivemind.schema.transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one pass of the {@link TransactionWatchdog} found and did.
 *
 * @param aborted hanging transactions it aborted (their partitions' readers move on)
 * @param stuck transactions older than the bound it did not end: the coordinator still has them to
 *     finish, or the abort failed; their partitions' committed view is stuck
 * @param bound how long a transaction may stay open before it counts as stuck, in this pass
 */
public record Sweep(
    Instant at, Duration bound, List<OpenTransaction> aborted, List<OpenTransaction> stuck) {

  public Sweep {
    aborted = List.copyOf(aborted);
    stuck = List.copyOf(stuck);
  }

  /** The {@code topic-partition} names whose committed view is stuck, in order, once each. */
  public List<String> stuckPartitions() {
    return stuck.stream().map(OpenTransaction::partitionName).distinct().sorted().toList();
  }
}
