package io.hivemind.rules.learn;

import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.util.List;

/**
 * What the join remembers, keyed by {@link JoinKey}: every signal's first copy, the outcomes still
 * waiting for their signal (with the time they arrived), how many outcomes each user has waiting,
 * and the outcomes already learned; signals and learned outcomes for the retry horizon only, each
 * indexed by time ({@link TimeIndex}) to be forgotten. Live it is a task's state stores; in a
 * replay, maps. The rules (what is counted when) live in {@link TradeJoin}; a state only stores.
 */
public interface JoinState {

  Signal signal(String id);

  /** Remembers a signal's first copy, indexed by {@code arrivedAt} to be forgotten in time. */
  void putSignal(String id, Signal signal, long arrivedAt);

  boolean isPending(String id);

  void putPending(String id, TradeOutcome outcome, long arrivedAt);

  /** Removes and returns the outcome waiting for signal {@code id}, or null. */
  TradeOutcome removePending(String id);

  /**
   * Removes and returns the waiting outcomes that arrived at or before cutoff, oldest arrival first
   * and, within one arrival time, in key order ({@link TimeIndex}). Only those are read: an
   * implementation keeps them indexed by arrival, so a sweep costs what is due, not what waits.
   */
  List<TradeOutcome> removePendingArrivedBy(long cutoff);

  /** How many of user {@code userId}'s outcomes are waiting for their signal; 0 if none. */
  long waitingOf(String userId);

  /** Sets that count; 0 forgets the user. */
  void putWaitingOf(String userId, long waiting);

  boolean isLearned(String id);

  /** Remembers that signal {@code id}'s outcome was learned, indexed by {@code learnedAt}. */
  void markLearned(String id, long learnedAt);

  /**
   * Forgets the signals that arrived, and the learned outcomes marked, at or before {@code cutoff}
   * (read from their time indexes, so it costs what is forgotten). Waiting outcomes are not
   * touched: they leave by the horizon sweep.
   */
  void forgetBy(long cutoff);
}
