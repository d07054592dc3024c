package io.hivemind.rules.model;

import io.hivemind.schema.RegimeChange;
import io.hivemind.schema.RegistryFaults;
import io.hivemind.schema.TopicFollower;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Each symbol's market regimes over time (ADR 21, 22), as the analytics published their changes to
 * {@code hivemind.regimes}: the regime in force at an instant is the last one that began at or
 * before it. The challenger is given the regime of a trade's entry time, the same for the question
 * and for the experience it becomes. Unknown (null) before a symbol's first classified regime.
 * Thread-safe; at most {@link #MAX_CHANGES} changes per symbol are kept, the oldest dropped first.
 */
public final class RegimeTimeline {

  static final int MAX_CHANGES = 10_000;

  private final Map<String, NavigableMap<Instant, String>> bySymbol = new ConcurrentHashMap<>();

  /** A timeline that knows no regime: the challenger learns and answers without one. */
  public static RegimeTimeline none() {
    return new RegimeTimeline();
  }

  public void record(RegimeChange change) {
    NavigableMap<Instant, String> changes =
        bySymbol.computeIfAbsent(change.getSymbol(), s -> new ConcurrentSkipListMap<>());
    changes.put(change.getSince(), change.getRegime());
    while (changes.size() > MAX_CHANGES) {
      changes.pollFirstEntry();
    }
  }

  /** The regime of {@code symbol} at {@code instant}, null when none was known to have begun. */
  public String at(String symbol, Instant instant) {
    NavigableMap<Instant, String> changes = bySymbol.get(symbol);
    if (changes == null) {
      return null;
    }
    Map.Entry<Instant, String> inForce = changes.floorEntry(instant);
    return inForce == null ? null : inForce.getValue();
  }

  /**
   * Follows {@code topic} (the regimes) whole into this timeline. A record that is no regime change
   * is stepped over; an unreachable registry refuses the batch, which is handed over again.
   *
   * @param connection bootstrap servers and security settings
   */
  public TopicFollower follow(
      Map<String, Object> connection, String topic, Deserializer<RegimeChange> decoder) {
    return new TopicFollower(connection, topic, null, batch -> take(batch, topic, decoder)).start();
  }

  private void take(
      List<ConsumerRecord<byte[], byte[]>> batch,
      String topic,
      Deserializer<RegimeChange> decoder) {
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      if (record.value() == null) {
        continue;
      }
      try {
        RegimeChange change = decoder.deserialize(topic, record.value());
        if (change != null) {
          record(change);
        }
      } catch (RuntimeException e) {
        RegistryFaults.throwIfTransport(e, topic);
      }
    }
  }
}
