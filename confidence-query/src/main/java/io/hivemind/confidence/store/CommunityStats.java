package io.hivemind.confidence.store;

import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.WinStats;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The community's statistics, decoded and held in memory beside their global store, so an answer
 * reads them without a store lookup, a key serialised or a value decoded (issue 18). The global
 * thread keeps both: every record of the community topic is written to the store and to this view
 * in the same step, so the view changes exactly when the store does and never holds a value the
 * store does not.
 *
 * <p>It holds one entry per community key, as the store does: the compacted topic is keyed by
 * pattern, so its size is bounded by the patterns the fleet trades, not by the trades.
 */
public final class CommunityStats {

  private final Map<CommunityStatsKey, WinStats> byKey = new ConcurrentHashMap<>();

  public Optional<WinStats> get(CommunityStatsKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Every statistic as it stands; entries changed meanwhile may be seen either way. */
  public void forEach(BiConsumer<CommunityStatsKey, WinStats> action) {
    byKey.forEach(action);
  }

  public int size() {
    return byKey.size();
  }

  /**
   * What the global thread runs for each record of the community topic. Kafka Streams runs one
   * while restoring the store and another after; each starts by making the view what the store
   * holds (a restart finds the store restored up to its checkpoint without replaying those
   * records).
   */
  Processor<CommunityStatsKey, WinStats, Void, Void> updater(String storeName) {
    return new Processor<>() {
      private KeyValueStore<CommunityStatsKey, WinStats> store;

      @Override
      public void init(
          org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        Set<CommunityStatsKey> stored = new HashSet<>();
        try (KeyValueIterator<CommunityStatsKey, WinStats> all = store.all()) {
          while (all.hasNext()) {
            KeyValue<CommunityStatsKey, WinStats> entry = all.next();
            stored.add(entry.key);
            byKey.put(entry.key, entry.value);
          }
        }
        byKey.keySet().retainAll(stored);
      }

      @Override
      public void process(Record<CommunityStatsKey, WinStats> record) {
        if (record.key() == null) {
          return; // a keyless record names no statistic (a GlobalKTable skips these too)
        }
        if (record.value() == null) {
          store.delete(record.key());
          byKey.remove(record.key());
        } else {
          store.put(record.key(), record.value());
          byKey.put(record.key(), record.value());
        }
      }
    };
  }
}
