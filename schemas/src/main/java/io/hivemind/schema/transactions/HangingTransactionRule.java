package io.hivemind.schema.transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a partition's open transaction hangs: nobody will ever end it, so only an abort
 * written from outside (KIP-664) frees the partition's {@code read_committed} readers.
 *
 * <p>The coordinator aborts any transaction it drives once the producer's {@code
 * transaction.timeout.ms} has passed, and no producer may ask for more than the broker's {@code
 * transaction.max.timeout.ms}. So a transaction still open {@code bound} (that maximum plus a
 * margin for the coordinator's abort sweep and its markers) after the producer last wrote to the
 * partition is one the coordinator has lost, unless the coordinator says it still has the partition
 * to finish: then it is stuck (the readers still wait) but not ours to abort, since aborting a
 * partition of a transaction being committed would commit it everywhere else and lose it here. This
 * is the rule of Kafka's own {@code kafka-transactions find-hanging}.
 */
public final class HangingTransactionRule {

  /** What to do with one open transaction. */
  public enum Verdict {
    /** Younger than the bound: an ordinary transaction, left alone. */
    WITHIN_BOUND,
    /** Older than the bound, but the coordinator will still write its marker: left alone, stuck. */
    COORDINATOR_COMPLETES_IT,
    /** Older than the bound and the coordinator does not know it on this partition: abort it. */
    HANGING
  }

  private final Duration bound;

  public HangingTransactionRule(Duration bound) {
    if (bound.isNegative() || bound.isZero()) {
      throw new IllegalArgumentException("the bound must be positive: " + bound);
    }
    this.bound = bound;
  }

  /** The broker's longest transaction timeout plus a margin. */
  public static HangingTransactionRule beyond(Duration maxTransactionTimeout, Duration margin) {
    return new HangingTransactionRule(maxTransactionTimeout.plus(margin));
  }

  public Duration bound() {
    return bound;
  }

  /**
   * @param owner what the coordinator says of the producer id's transactional id, empty when no
   *     coordinator knows the producer id (an old or expired producer)
   */
  public Verdict judge(OpenTransaction open, Optional<CoordinatorView> owner, Instant now) {
    Objects.requireNonNull(owner);
    if (Duration.between(open.lastWrite(), now).compareTo(bound) <= 0) {
      return Verdict.WITHIN_BOUND;
    }
    boolean coordinatorFinishesIt =
        owner
            .filter(view -> view.producerId() == open.producerId())
            .filter(view -> view.completes(open.partitionName()))
            .isPresent();
    return coordinatorFinishesIt ? Verdict.COORDINATOR_COMPLETES_IT : Verdict.HANGING;
  }
}
