package io.hivemind.analytics.api;

import io.hivemind.analytics.domain.FleetBars;
import io.hivemind.analytics.domain.Tally;
import io.hivemind.analytics.domain.UserLedger;
import io.hivemind.analytics.topology.AnalyticsCodec;
import io.hivemind.analytics.topology.AnalyticsStores;
import io.hivemind.learning.score.Calibration;
import io.hivemind.schema.AnalyticsTally;
import io.hivemind.schema.UserPerformance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the analytics' stores on this instance: every partition's active copy that this instance
 * holds (with one instance, all of them; ADR 19: the analytics runs as one instance and its
 * standby, so these reads are local), and the global standings. A store that cannot be read now is
 * a {@link StoresUnavailableException} (503 with Retry-After), never an empty answer: no spinning
 * on {@link InvalidStateStoreException}.
 */
@ApplicationScoped
class AnalyticsStoreReader {

  private static final StringSerializer KEYS = new StringSerializer();

  private final KafkaStreams streams;

  AnalyticsStoreReader(KafkaStreams streams) {
    this.streams = streams;
  }

  UserLedger ledger(String userId) {
    return AnalyticsCodec.decode(this.<UserPerformance>get(AnalyticsStores.USER_LEDGERS, userId));
  }

  /** Every user's ledger, private users included (admin views only). */
  Map<String, UserLedger> ledgers() {
    return all(AnalyticsStores.USER_LEDGERS, (UserPerformance p) -> AnalyticsCodec.decode(p));
  }

  /** The public users' standings (the global store). */
  Map<String, UserLedger> standings() {
    return all(AnalyticsStores.STANDINGS, (UserPerformance p) -> AnalyticsCodec.decode(p));
  }

  /** The symbol's regime book, null if no bot has reported its bars. */
  FleetBars regimeBook(String symbol) {
    return this.<FleetBars>get(AnalyticsStores.REGIME_BOOKS, symbol);
  }

  /**
   * Each model's score over the users of this instance's tasks (one instance: the fleet), the
   * tasks' totals added together.
   */
  Map<String, Calibration> modelScores() {
    Map<String, Calibration.Totals> byModel = new TreeMap<>();
    ReadOnlyKeyValueStore<String, Calibration.Totals> store = store(AnalyticsStores.MODEL_SCORES);
    try (KeyValueIterator<String, Calibration.Totals> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, Calibration.Totals> next = it.next();
        byModel.merge(next.key, next.value, Calibration.Totals::plus);
      }
    } catch (InvalidStateStoreException e) {
      throw unavailable(AnalyticsStores.MODEL_SCORES, e);
    }
    Map<String, Calibration> scores = new TreeMap<>();
    byModel.forEach((model, totals) -> scores.put(model, Calibration.from(totals)));
    return scores;
  }

  Map<String, Long> lastHeartbeats() {
    return all(AnalyticsStores.LAST_HEARTBEATS, (Long t) -> t);
  }

  Tally userTally(String userId, String bucketKey) {
    return AnalyticsCodec.decode(
        this.<AnalyticsTally>get(AnalyticsStores.USER_TALLIES, userId + "/" + bucketKey));
  }

  /** The user's own tallies whose bucket key starts with {@code prefix}, by bucket key. */
  Map<String, Tally> userTallies(String userId, String prefix) {
    String userPrefix = userId + "/";
    Map<String, Tally> byBucket = new TreeMap<>();
    scan(AnalyticsStores.USER_TALLIES, userPrefix + prefix)
        .forEach((key, tally) -> byBucket.put(key.substring(userPrefix.length()), tally));
    return byBucket;
  }

  /** The fleet's tally of {@code bucketKey}, null if nobody (public) traded in it. */
  Tally fleetTally(String bucketKey) {
    AnalyticsTally stored = this.<AnalyticsTally>get(AnalyticsStores.FLEET_TALLIES, bucketKey);
    return stored == null ? null : AnalyticsCodec.decode(stored);
  }

  /** The fleet's tallies whose bucket key starts with {@code prefix}, by the rest of the key. */
  Map<String, Tally> fleetTallies(String prefix) {
    Map<String, Tally> byRest = new TreeMap<>();
    scan(AnalyticsStores.FLEET_TALLIES, prefix)
        .forEach((key, tally) -> byRest.put(key.substring(prefix.length()), tally));
    return byRest;
  }

  private Map<String, Tally> scan(String storeName, String prefix) {
    Map<String, Tally> found = new LinkedHashMap<>();
    ReadOnlyKeyValueStore<String, AnalyticsTally> store = store(storeName);
    try (KeyValueIterator<String, AnalyticsTally> it = store.prefixScan(prefix, KEYS)) {
      while (it.hasNext()) {
        KeyValue<String, AnalyticsTally> next = it.next();
        found.put(next.key, AnalyticsCodec.decode(next.value));
      }
    } catch (InvalidStateStoreException e) {
      throw unavailable(storeName, e);
    }
    return found;
  }

  private <V, R> Map<String, R> all(String storeName, Function<V, R> decode) {
    Map<String, R> found = new TreeMap<>();
    ReadOnlyKeyValueStore<String, V> store = store(storeName);
    try (KeyValueIterator<String, V> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, V> next = it.next();
        if (next.value != null) {
          found.put(next.key, decode.apply(next.value));
        }
      }
    } catch (InvalidStateStoreException e) {
      throw unavailable(storeName, e);
    }
    return found;
  }

  private <V> V get(String storeName, String key) {
    ReadOnlyKeyValueStore<String, V> store = store(storeName);
    try {
      return store.get(key);
    } catch (InvalidStateStoreException e) {
      throw unavailable(storeName, e);
    }
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
              name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw unavailable(name, e);
    }
  }

  private static StoresUnavailableException unavailable(String store, RuntimeException cause) {
    return new StoresUnavailableException(
        "the analytics store "
            + store
            + " cannot be read now (starting, restoring or rebalancing: "
            + cause.getMessage()
            + "); retry shortly",
        cause);
  }
}
