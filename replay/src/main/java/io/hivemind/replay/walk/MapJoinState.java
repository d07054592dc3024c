package io.hivemind.replay.walk;

import io.hivemind.rules.learn.JoinState;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One partition's join memory in maps. Waiting outcomes are kept in key order, the order the live
 * task's RocksDB store hands them to the horizon sweep.
 */
final class MapJoinState implements JoinState {

  private record Waiting(TradeOutcome outcome, long arrivedAt) {}

  private final Map<String, Signal> signals = new HashMap<>();
  private final TreeMap<String, Waiting> pending = new TreeMap<>();
  private final Set<String> learned = new HashSet<>();

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
    return pending.containsKey(id);
  }

  @Override
  public void putPending(String id, TradeOutcome outcome, long arrivedAt) {
    pending.put(id, new Waiting(outcome, arrivedAt));
  }

  @Override
  public TradeOutcome removePending(String id) {
    Waiting waiting = pending.remove(id);
    return waiting == null ? null : waiting.outcome();
  }

  @Override
  public List<TradeOutcome> removePendingArrivedBy(long cutoff) {
    List<TradeOutcome> expired = new ArrayList<>();
    for (Iterator<Waiting> all = pending.values().iterator(); all.hasNext(); ) {
      Waiting waiting = all.next();
      if (waiting.arrivedAt() <= cutoff) {
        expired.add(waiting.outcome());
        all.remove();
      }
    }
    return expired;
  }

  @Override
  public boolean isLearned(String id) {
    return learned.contains(id);
  }

  @Override
  public void markLearned(String id, long learnedAt) {
    learned.add(id);
  }
}
