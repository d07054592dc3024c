package io.hivemind.learner.topology;

import io.hivemind.rules.learn.JoinState;
import io.hivemind.rules.learn.WaitingIndex;
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
 * outcomes are kept twice: by signal (to join them) and by arrival ({@link WaitingIndex}, to sweep
 * only those that are due); the two are written together, always.
 */
final class StoreJoinState implements JoinState {

  /** The static list the join processors are connected to. */
  static final String[] STORES = {
    StoreNames.SIGNALS_BY_ID,
    StoreNames.OUTCOMES_PENDING,
    StoreNames.OUTCOMES_PENDING_BY_ARRIVAL,
    StoreNames.OUTCOMES_WAITING_PER_USER,
    StoreNames.OUTCOMES_LEARNED
  };

  private final KeyValueStore<String, Signal> signals;
  private final TimestampedKeyValueStore<String, TradeOutcome> pending;
  private final KeyValueStore<String, String> byArrival;
  private final KeyValueStore<String, Long> waitingPerUser;
  private final KeyValueStore<String, Long> learned;

  StoreJoinState(ProcessingContext context) {
    signals = context.getStateStore(StoreNames.SIGNALS_BY_ID);
    pending = context.getStateStore(StoreNames.OUTCOMES_PENDING);
    byArrival = context.getStateStore(StoreNames.OUTCOMES_PENDING_BY_ARRIVAL);
    waitingPerUser = context.getStateStore(StoreNames.OUTCOMES_WAITING_PER_USER);
    learned = context.getStateStore(StoreNames.OUTCOMES_LEARNED);
  }

  @Override
  public Signal signal(String id) {
    return signals.get(id);
  }

  @Override
  public void putSignal(String id, Signal signal) {
    signals.put(id, signal);
  }

  @Override
  public boolean isPending(String id) {
    return pending.get(id) != null;
  }

  @Override
  public void putPending(String id, TradeOutcome outcome, long arrivedAt) {
    ValueAndTimestamp<TradeOutcome> before = pending.get(id);
    if (before != null) {
      byArrival.delete(WaitingIndex.of(before.timestamp(), id));
    }
    pending.put(id, ValueAndTimestamp.make(outcome, arrivedAt));
    byArrival.put(WaitingIndex.of(arrivedAt, id), id);
  }

  @Override
  public TradeOutcome removePending(String id) {
    ValueAndTimestamp<TradeOutcome> waiting = pending.delete(id);
    if (waiting == null) {
      return null;
    }
    byArrival.delete(WaitingIndex.of(waiting.timestamp(), id));
    return waiting.value();
  }

  @Override
  public List<TradeOutcome> removePendingArrivedBy(long cutoff) {
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> range =
        byArrival.range(WaitingIndex.first(), WaitingIndex.upTo(cutoff))) {
      range.forEachRemaining(due::add);
    }
    List<TradeOutcome> outcomes = new ArrayList<>(due.size());
    for (KeyValue<String, String> entry : due) {
      byArrival.delete(entry.key);
      ValueAndTimestamp<TradeOutcome> waiting = pending.delete(entry.value);
      if (waiting != null) {
        outcomes.add(waiting.value());
      }
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
   * Outcomes left waiting by a learner from before the index (ADR 12): indexed by arrival and
   * counted per user, so they expire and count against the cap. Does nothing, at the cost of one
   * read of each store, when the index is in use: the two stores are only ever written together.
   */
  void indexUnindexed() {
    try (KeyValueIterator<String, String> indexed = byArrival.all()) {
      if (indexed.hasNext()) {
        return;
      }
    }
    List<KeyValue<String, ValueAndTimestamp<TradeOutcome>>> unindexed = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<TradeOutcome>> all = pending.all()) {
      all.forEachRemaining(unindexed::add);
    }
    for (KeyValue<String, ValueAndTimestamp<TradeOutcome>> entry : unindexed) {
      byArrival.put(WaitingIndex.of(entry.value.timestamp(), entry.key), entry.key);
      String user = entry.value.value().getUserId();
      putWaitingOf(user, waitingOf(user) + 1);
    }
  }

  @Override
  public boolean isLearned(String id) {
    return learned.get(id) != null;
  }

  @Override
  public void markLearned(String id, long learnedAt) {
    learned.put(id, learnedAt);
  }
}
