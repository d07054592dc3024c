package io.hivemind.schema.transactions;

import java.util.Set;

/**
 * What the transaction coordinator says of the transactional id a producer id belongs to: its state
 * ({@code Ongoing}, {@code PrepareCommit}, {@code Empty}, …) and the partitions it will still write
 * a marker to ({@code describeTransactions} lists the partitions of an ongoing transaction and
 * those still waiting for their marker once it is being committed or aborted).
 *
 * @param partitions {@code topic-partition} names
 */
public record CoordinatorView(
    String transactionalId, long producerId, String state, Set<String> partitions) {

  public CoordinatorView {
    partitions = Set.copyOf(partitions);
  }

  /** Whether the coordinator will still end the transaction on {@code partitionName}. */
  public boolean completes(String partitionName) {
    return partitions.contains(partitionName);
  }
}
