package io.hivemind.simulator.score;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many trades each user reported per symbol (outcomes sent): what the stack's statistics must
 * show once it has learned everything the fleet told it. Thread-safe.
 */
public final class ReportedTrades {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void record(String userId, String symbol) {
    counts.computeIfAbsent(key(userId, symbol), k -> new LongAdder()).increment();
  }

  public long count(String userId, String symbol) {
    LongAdder count = counts.get(key(userId, symbol));
    return count == null ? 0 : count.sum();
  }

  private static String key(String userId, String symbol) {
    return userId + "/" + symbol;
  }
}
