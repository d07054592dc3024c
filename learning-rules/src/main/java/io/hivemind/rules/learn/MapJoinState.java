package io.hivemind.rules.learn;

import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * One partition's join memory in maps, for a replay (and the rules' own tests). Waiting outcomes
 * are indexed by {@link WaitingIndex} in its {@link WaitingIndex#ORDER}, the order the live task's
 * RocksDB index hands them to the horizon sweep.
 */
public final class MapJoinState implements JoinState {

  private record Waiting(TradeOutcome outcome, long arrivedAt) {}

  private final Map<String, Signal> signals = new HashMap<>();
  private final Map<String, Waiting> pending = new HashMap<>();
  private final TreeMap<String, String> byArrival = new TreeMap<>(WaitingIndex.ORDER);
  private final Map<String, Long> waitingPerUser = new HashMap<>();
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
    Waiting before = pending.put(id, new Waiting(outcome, arrivedAt));
    if (before != null) {
      byArrival.remove(WaitingIndex.of(before.arrivedAt(), id));
    }
    byArrival.put(WaitingIndex.of(arrivedAt, id), id);
  }

  @Override
  public TradeOutcome removePending(String id) {
    Waiting waiting = pending.remove(id);
    if (waiting == null) {
      return null;
    }
    byArrival.remove(WaitingIndex.of(waiting.arrivedAt(), id));
    return waiting.outcome();
  }

  @Override
  public List<TradeOutcome> removePendingArrivedBy(long cutoff) {
    NavigableMap<String, String> due = byArrival.headMap(WaitingIndex.upTo(cutoff), true);
    List<TradeOutcome> expired = new ArrayList<>(due.size());
    for (String id : due.values()) {
      expired.add(pending.remove(id).outcome());
    }
    due.clear();
    return expired;
  }

  @Override
  public long waitingOf(String userId) {
    return waitingPerUser.getOrDefault(userId, 0L);
  }

  @Override
  public void putWaitingOf(String userId, long waiting) {
    if (waiting == 0) {
      waitingPerUser.remove(userId);
    } else {
      waitingPerUser.put(userId, waiting);
    }
  }

  /** How many outcomes wait, over all users. */
  public int pendingCount() {
    return pending.size();
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
