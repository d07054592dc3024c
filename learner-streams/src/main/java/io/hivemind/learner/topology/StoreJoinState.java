package io.hivemind.learner.topology;

import io.hivemind.rules.learn.JoinState;
import io.hivemind.rules.learn.TimeIndex;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The join's memory in a task's state stores, shared by the signal and outcome processors. Waiting
 * outcomes are kept twice: by signal (to join them) and by arrival ({@link TimeIndex}, to sweep
 * only those that are due); the two are written together, always.
 */
final class StoreJoinState implements JoinState {

  /** The static list the join processors are connected to. */
  static final String[] STORES = {
    StoreNames.SIGNALS_BY_ID,
    StoreNames.SIGNALS_BY_ARRIVAL,
    StoreNames.OUTCOMES_PENDING,
    StoreNames.OUTCOMES_PENDING_BY_ARRIVAL,
    StoreNames.OUTCOMES_WAITING_PER_USER,
    StoreNames.OUTCOMES_LEARNED,
    StoreNames.OUTCOMES_LEARNED_BY_TIME
  };

  private final KeyValueStore<String, Signal> signals;
  private final KeyValueStore<String, String> signalsByArrival;
  private final TimestampedKeyValueStore<String, TradeOutcome> pending;
  private final KeyValueStore<String, String> byArrival;
  private final KeyValueStore<String, Long> waitingPerUser;
  private final KeyValueStore<String, Long> learned;
  private final KeyValueStore<String, String> learnedByTime;

  StoreJoinState(ProcessingContext context) {
    signals = context.getStateStore(StoreNames.SIGNALS_BY_ID);
    signalsByArrival = context.getStateStore(StoreNames.SIGNALS_BY_ARRIVAL);
    pending = context.getStateStore(StoreNames.OUTCOMES_PENDING);
    byArrival = context.getStateStore(StoreNames.OUTCOMES_PENDING_BY_ARRIVAL);
    waitingPerUser = context.getStateStore(StoreNames.OUTCOMES_WAITING_PER_USER);
    learned = context.getStateStore(StoreNames.OUTCOMES_LEARNED);
    learnedByTime = context.getStateStore(StoreNames.OUTCOMES_LEARNED_BY_TIME);
  }

  @Override
  public Signal signal(String id) {
    return signals.get(id);
  }

  @Override
  public void putSignal(String id, Signal signal, long arrivedAt) {
    signals.put(id, signal);
    signalsByArrival.put(TimeIndex.of(arrivedAt, id), id);
  }

  @Override
  public boolean isPending(String id) {
    return pending.get(id) != null;
  }

  @Override
  public void putPending(String id, TradeOutcome outcome, long arrivedAt) {
    ValueAndTimestamp<TradeOutcome> before = pending.get(id);
    if (before != null) {
      byArrival.delete(TimeIndex.of(before.timestamp(), id));
    }
    pending.put(id, ValueAndTimestamp.make(outcome, arrivedAt));
    byArrival.put(TimeIndex.of(arrivedAt, id), id);
  }

  @Override
  public TradeOutcome removePending(String id) {
    ValueAndTimestamp<TradeOutcome> waiting = pending.delete(id);
    if (waiting == null) {
      return null;
    }
    byArrival.delete(TimeIndex.of(waiting.timestamp(), id));
    return waiting.value();
  }

  @Override
  public List<TradeOutcome> removePendingArrivedBy(long cutoff) {
    List<TradeOutcome> outcomes = new ArrayList<>();
    for (ValueAndTimestamp<TradeOutcome> waiting : removeUpTo(byArrival, pending, cutoff)) {
      outcomes.add(waiting.value());
    }
    return outcomes;
  }

  @Override
  public long waitingOf(String userId) {
    Long waiting = waitingPerUser.get(userId);
    return waiting == null ? 0 : waiting;
  }

  @Override
  public void putWaitingOf(String userId, long waiting) {
    if (waiting == 0) {
      waitingPerUser.delete(userId);
    } else {
      waitingPerUser.put(userId, waiting);
    }
  }

  /**
   * State left by a learner from before the indexes (ADRs 12 and 14): waiting outcomes indexed by
   * arrival and counted per user, so they expire and count against the cap; learned outcomes
   * indexed by when they were learned, and signals by {@code now} (their arrival was not kept), so
   * they are forgotten a retry horizon later. Each store is scanned only when its index is empty
   * and it is not: the two are otherwise only ever written together.
   */
  void indexUnindexed(long now) {
    if (isEmpty(byArrival)) {
      List<KeyValue<String, ValueAndTimestamp<TradeOutcome>>> unindexed = all(pending);
      for (KeyValue<String, ValueAndTimestamp<TradeOutcome>> entry : unindexed) {
        byArrival.put(TimeIndex.of(entry.value.timestamp(), entry.key), entry.key);
        String user = entry.value.value().getUserId();
        putWaitingOf(user, waitingOf(user) + 1);
      }
    }
    if (isEmpty(signalsByArrival)) {
      for (KeyValue<String, Signal> entry : all(signals)) {
        signalsByArrival.put(TimeIndex.of(now, entry.key), entry.key);
      }
    }
    if (isEmpty(learnedByTime)) {
      for (KeyValue<String, Long> entry : all(learned)) {
        learnedByTime.put(TimeIndex.of(entry.value, entry.key), entry.key);
      }
    }
  }

  private static boolean isEmpty(KeyValueStore<String, ?> store) {
    try (KeyValueIterator<String, ?> any = store.all()) {
      return !any.hasNext();
    }
  }

  private static <V> List<KeyValue<String, V>> all(KeyValueStore<String, V> store) {
    List<KeyValue<String, V>> entries = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      all.forEachRemaining(entries::add);
    }
    return entries;
  }

  @Override
  public boolean isLearned(String id) {
    return learned.get(id) != null;
  }

  @Override
  public void markLearned(String id, long learnedAt) {
    if (learned.get(id) == null) {
      learned.put(id, learnedAt);
      learnedByTime.put(TimeIndex.of(learnedAt, id), id);
    }
  }

  @Override
  public void forgetBy(long cutoff) {
    removeUpTo(signalsByArrival, signals, cutoff);
    removeUpTo(learnedByTime, learned, cutoff);
  }

  /**
   * Removes the entries of {@code index} (a {@link TimeIndex}) up to {@code cutoff}, and what they
   * point to in {@code store}; returns the removed values in the index's order (oldest first). Only
   * the due part of the index is read.
   */
  private static <V> List<V> removeUpTo(
      KeyValueStore<String, String> index, KeyValueStore<String, V> store, long cutoff) {
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> range =
        index.range(TimeIndex.first(), TimeIndex.upTo(cutoff))) {
      range.forEachRemaining(due::add);
    }
    List<V> removed = new ArrayList<>(due.size());
    for (KeyValue<String, String> entry : due) {
      index.delete(entry.key);
      V value = store.delete(entry.value);
      if (value != null) {
        removed.add(value);
      }
    }
    return removed;
  }
}
