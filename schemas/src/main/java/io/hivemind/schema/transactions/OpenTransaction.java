package io.hivemind.schema.transactions;

import java.time.Instant;

/**
 * A transaction a partition's leader holds open: what {@code describeProducers} says of one
 * producer on one partition. While it is open, no {@code read_committed} reader of the partition
 * gets past {@code startOffset} (the partition's last stable offset).
 *
 * @param lastWrite when the producer last wrote to the partition (the leader's {@code
 *     lastTimestamp}): a transaction the coordinator still drives ends within its timeout of it
 */
public record OpenTransaction(
    String topic,
    int partition,
    long producerId,
    short producerEpoch,
    int coordinatorEpoch,
    long startOffset,
    Instant lastWrite) {

  /** {@code topic-partition}, as Kafka's tools print it. */
  public String partitionName() {
    return topic + "-" + partition;
  }
}
