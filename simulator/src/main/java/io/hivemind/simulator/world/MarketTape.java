package io.hivemind.simulator.world;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One market's signals, computed once and read by many: each bot walks the markets it trades at its
 * own pace, and recomputing a price path per bot would cost a path per bot per symbol. Market
 * signals are few (a handful per symbol and day), so keeping those met so far is cheap; the
 * opportunities built from them are not kept. Thread-safe.
 */
final class MarketTape {

  private final Iterator<MarketSignal> source;
  private final List<MarketSignal> seen = new ArrayList<>();

  MarketTape(Iterator<MarketSignal> source) {
    this.source = source;
  }

  /** The signal at {@code index}, or null when the market has no more. */
  synchronized MarketSignal get(int index) {
    while (seen.size() <= index && source.hasNext()) {
      seen.add(source.next());
    }
    return index < seen.size() ? seen.get(index) : null;
  }

  Iterator<MarketSignal> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return get(next) != null;
      }

      @Override
      public MarketSignal next() {
        MarketSignal signal = get(next);
        if (signal == null) {
          throw new NoSuchElementException();
        }
        next++;
        return signal;
      }
    };
  }
}
