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
import java.util.function.Consumer;

/**
 * One partition's join memory in maps, for a replay (and the rules' own tests). Waiting outcomes
 * are indexed by {@link TimeIndex} in its {@link TimeIndex#ORDER}, the order the live task's
 * RocksDB index hands them to the horizon sweep.
 */
public final class MapJoinState implements JoinState {

  private record Waiting(TradeOutcome outcome, long arrivedAt) {}

  private final Map<String, Signal> signals = new HashMap<>();
  private final TreeMap<String, String> signalsByArrival = new TreeMap<>(TimeIndex.ORDER);
  private final Map<String, Waiting> pending = new HashMap<>();
  private final TreeMap<String, String> byArrival = new TreeMap<>(TimeIndex.ORDER);
  private final Map<String, Long> waitingPerUser = new HashMap<>();
  private final Set<String> learned = new HashSet<>();
  private final TreeMap<String, String> learnedByTime = new TreeMap<>(TimeIndex.ORDER);

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
    return pending.containsKey(id);
  }

  @Override
  public void putPending(String id, TradeOutcome outcome, long arrivedAt) {
    Waiting before = pending.put(id, new Waiting(outcome, arrivedAt));
    if (before != null) {
      byArrival.remove(TimeIndex.of(before.arrivedAt(), id));
    }
    byArrival.put(TimeIndex.of(arrivedAt, id), id);
  }

  @Override
  public TradeOutcome removePending(String id) {
    Waiting waiting = pending.remove(id);
    if (waiting == null) {
      return null;
    }
    byArrival.remove(TimeIndex.of(waiting.arrivedAt(), id));
    return waiting.outcome();
  }

  @Override
  public List<TradeOutcome> removePendingArrivedBy(long cutoff) {
    List<TradeOutcome> expired = new ArrayList<>();
    removeUpTo(byArrival, cutoff, id -> expired.add(pending.remove(id).outcome()));
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
    if (learned.add(id)) {
      learnedByTime.put(TimeIndex.of(learnedAt, id), id);
    }
  }

  @Override
  public void forgetBy(long cutoff) {
    removeUpTo(signalsByArrival, cutoff, signals::remove);
    removeUpTo(learnedByTime, cutoff, learned::remove);
  }

  /**
   * Removes the entries of {@code index} up to {@code cutoff}, oldest first, handing each join key
   * to {@code remove}.
   */
  private static void removeUpTo(
      TreeMap<String, String> index, long cutoff, Consumer<String> remove) {
    NavigableMap<String, String> due = index.headMap(TimeIndex.upTo(cutoff), true);
    due.values().forEach(remove);
    due.clear();
  }

  /** How many entries the state holds, over every map and index: its size, for benchmarks. */
  public long entries() {
    return (long) signals.size()
        + signalsByArrival.size()
        + pending.size()
        + byArrival.size()
        + waitingPerUser.size()
        + learned.size()
        + learnedByTime.size();
  }
}
