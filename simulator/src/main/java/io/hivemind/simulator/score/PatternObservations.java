package io.hivemind.simulator.score;

import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.world.Opportunity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which (symbol, side, L2 pattern) buckets the fleet met, how often, with the first signal seen in
 * each as an example: enough to ask the service afterwards about buckets it has evidence on.
 * Thread-safe.
 */
public final class PatternObservations {

  /** A bucket: how many opportunities fell in it and one signal that did. */
  public record Observation(
      String symbol, String side, String pattern, long count, SignalRequest example) {

    /** The pattern's L1 prefix, e.g. {@code v1/mid} of {@code v1/mid/rsi6/vz-5}. */
    public String session() {
      String[] parts = pattern.split("/");
      return parts.length > 1 ? parts[0] + "/" + parts[1] : pattern;
    }
  }

  private final Map<String, Observation> observations = new ConcurrentHashMap<>();

  public void record(Opportunity opportunity) {
    SignalRequest signal = opportunity.signal();
    String key = signal.symbol() + "|" + signal.side() + "|" + opportunity.pattern();
    observations.merge(
        key,
        new Observation(signal.symbol(), signal.side(), opportunity.pattern(), 1, signal),
        (seen, added) ->
            new Observation(
                seen.symbol(), seen.side(), seen.pattern(), seen.count() + 1, seen.example()));
  }

  /** Every bucket seen, most frequent first (ties by key, so the order is stable). */
  public List<Observation> all() {
    return observations.values().stream()
        .sorted(
            Comparator.comparingLong(Observation::count)
                .reversed()
                .thenComparing(Observation::symbol)
                .thenComparing(Observation::side)
                .thenComparing(Observation::pattern))
        .toList();
  }
}
