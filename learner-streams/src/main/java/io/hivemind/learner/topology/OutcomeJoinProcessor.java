package io.hivemind.learner.topology;

import io.hivemind.learner.domain.ExperienceFactory;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Learns each outcome once: at once when its signal is known, otherwise when the signal arrives or,
 * if it never does, once stream time has passed the outcome's exit by the join horizon. Stream time
 * (not wall time) keeps the result the same on every run over the same log.
 */
final class OutcomeJoinProcessor implements Processor<String, TradeOutcome, String, Experience> {

  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  private final ExperienceFactory experiences;
  private final Duration joinHorizon;
  private ProcessorContext<String, Experience> context;
  private KeyValueStore<String, Signal> signals;
  private TimestampedKeyValueStore<String, TradeOutcome> pending;
  private KeyValueStore<String, Long> learned;

  OutcomeJoinProcessor(ExperienceFactory experiences, Duration joinHorizon) {
    this.experiences = experiences;
    this.joinHorizon = joinHorizon;
  }

  @Override
  public void init(ProcessorContext<String, Experience> context) {
    this.context = context;
    signals = context.getStateStore(StoreNames.SIGNALS_BY_ID);
    pending = context.getStateStore(StoreNames.OUTCOMES_PENDING);
    learned = context.getStateStore(StoreNames.OUTCOMES_LEARNED);
    context.schedule(SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::learnExpired);
  }

  @Override
  public void process(Record<String, TradeOutcome> record) {
    TradeOutcome outcome = record.value();
    String id = JoinKey.of(outcome.getUserId(), outcome.getSignalId());
    if (learned.get(id) != null || pending.get(id) != null) {
      return; // one outcome per signal: a retried POST counts once
    }
    Signal signal = signals.get(id);
    if (signal == null) {
      pending.put(id, ValueAndTimestamp.make(outcome, record.timestamp()));
      return;
    }
    learned.put(id, record.timestamp());
    context.forward(record.withValue(experiences.matched(signal, outcome)));
  }

  private void learnExpired(long streamTime) {
    long cutoff = streamTime - joinHorizon.toMillis();
    List<KeyValue<String, ValueAndTimestamp<TradeOutcome>>> expired = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<TradeOutcome>> all = pending.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.value.timestamp() <= cutoff) {
              expired.add(entry);
            }
          });
    }
    for (KeyValue<String, ValueAndTimestamp<TradeOutcome>> entry : expired) {
      pending.delete(entry.key);
      learned.put(entry.key, streamTime);
      TradeOutcome outcome = entry.value.value();
      context.forward(
          new Record<>(outcome.getUserId(), experiences.withoutSignal(outcome), streamTime));
    }
  }
}
