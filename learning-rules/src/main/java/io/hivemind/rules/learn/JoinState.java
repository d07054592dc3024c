package io.hivemind.rules.learn;

import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.util.List;

/**
 * What the join remembers, keyed by {@link JoinKey}: every signal's first copy, the outcomes still
 * waiting for their signal (with the time they arrived), and the outcomes already learned. Live it
 * is a task's state stores; in a replay, maps.
 */
public interface JoinState {

  Signal signal(String id);

  void putSignal(String id, Signal signal);

  boolean isPending(String id);

  void putPending(String id, TradeOutcome outcome, long arrivedAt);

  /** Removes and returns the outcome waiting for signal {@code id}, or null. */
  TradeOutcome removePending(String id);

  /** Removes and returns, in key order, the waiting outcomes that arrived at or before cutoff. */
  List<TradeOutcome> removePendingArrivedBy(long cutoff);

  boolean isLearned(String id);

  void markLearned(String id, long learnedAt);
}
