package io.hivemind.simulator.world;

import io.hivemind.simulator.market.Bar;
import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.market.PricePath;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One market's one-minute bars as its traders see them, for their heartbeats (ADR 21): the same
 * path the market's signals come from (same instrument, seed and start), advanced as far as the
 * furthest bot has asked and kept for the last {@link #KEPT} minutes, so bots at different paces
 * share one path in bounded memory. A bot lagging further behind gets none of the older bars.
 * Thread-safe.
 */
public final class MarketBars {

  /** Three days of minutes. */
  static final int KEPT = 3 * 24 * 60;

  private final PricePath path;
  private final ArrayDeque<Bar> recent = new ArrayDeque<>();
  private Bar ahead;

  public MarketBars(Instrument instrument, long seed, Instant start) {
    this.path = new PricePath(instrument, seed, start);
  }

  /**
   * The bars closed by {@code upTo} that start after {@code after} (null: any), oldest first, at
   * most the {@code max} newest.
   */
  public synchronized List<Bar> closedBetween(Instant after, Instant upTo, int max) {
    while (true) {
      if (ahead == null) {
        ahead = path.next();
      }
      if (ahead.closeTime().isAfter(upTo)) {
        break;
      }
      recent.addLast(ahead);
      ahead = null;
      if (recent.size() > KEPT) {
        recent.removeFirst();
      }
    }
    List<Bar> newestFirst = new ArrayList<>();
    Iterator<Bar> it = recent.descendingIterator();
    while (it.hasNext() && newestFirst.size() < max) {
      Bar bar = it.next();
      if (bar.closeTime().isAfter(upTo)) {
        continue;
      }
      if (after != null && !bar.time().isAfter(after)) {
        break;
      }
      newestFirst.add(bar);
    }
    List<Bar> oldestFirst = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      oldestFirst.add(newestFirst.get(i));
    }
    return oldestFirst;
  }
}
