package io.hivemind.learner.topology;

import io.hivemind.rules.learn.JoinState;
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

/** The join's memory in a task's state stores, shared by the signal and outcome processors. */
final class StoreJoinState implements JoinState {

  private final KeyValueStore<String, Signal> signals;
  private final TimestampedKeyValueStore<String, TradeOutcome> pending;
  private final KeyValueStore<String, Long> learned;

  StoreJoinState(ProcessingContext context) {
    signals = context.getStateStore(StoreNames.SIGNALS_BY_ID);
    pending = context.getStateStore(StoreNames.OUTCOMES_PENDING);
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
    pending.put(id, ValueAndTimestamp.make(outcome, arrivedAt));
  }

  @Override
  public TradeOutcome removePending(String id) {
    ValueAndTimestamp<TradeOutcome> waiting = pending.delete(id);
    return waiting == null ? null : waiting.value();
  }

  @Override
  public List<TradeOutcome> removePendingArrivedBy(long cutoff) {
    List<KeyValue<String, TradeOutcome>> expired = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<TradeOutcome>> all = pending.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.value.timestamp() <= cutoff) {
              expired.add(KeyValue.pair(entry.key, entry.value.value()));
            }
          });
    }
    List<TradeOutcome> outcomes = new ArrayList<>(expired.size());
    for (KeyValue<String, TradeOutcome> entry : expired) {
      pending.delete(entry.key);
      outcomes.add(entry.value);
    }
    return outcomes;
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
