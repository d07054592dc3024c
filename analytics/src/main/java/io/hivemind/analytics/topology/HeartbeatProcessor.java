package io.hivemind.analytics.topology;

import io.hivemind.schema.Heartbeat;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each user's latest heartbeat time, the record's time: the gateway stamps it with its
 * broker-corrected clock (ADR 16), while the heartbeat's own {@code timestamp} is the bot's PC
 * clock. Out-of-order heartbeats never move it back.
 */
final class HeartbeatProcessor implements Processor<String, Heartbeat, Void, Void> {

  private KeyValueStore<String, Long> lastHeartbeats;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    lastHeartbeats = context.getStateStore(AnalyticsStores.LAST_HEARTBEATS);
  }

  @Override
  public void process(Record<String, Heartbeat> record) {
    if (record.value() == null || record.key() == null) {
      return;
    }
    Long before = lastHeartbeats.get(record.key());
    if (before == null || record.timestamp() > before) {
      lastHeartbeats.put(record.key(), record.timestamp());
    }
  }
}
