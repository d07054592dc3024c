package io.hivemind.learner.topology;

import io.hivemind.learner.domain.ExperienceFactory;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps the first copy of every signal; a signal whose outcome is already waiting completes the
 * join at once.
 */
final class SignalJoinProcessor implements Processor<String, Signal, String, Experience> {

  private final ExperienceFactory experiences;
  private ProcessorContext<String, Experience> context;
  private KeyValueStore<String, Signal> signals;
  private TimestampedKeyValueStore<String, TradeOutcome> pending;
  private KeyValueStore<String, Long> learned;

  SignalJoinProcessor(ExperienceFactory experiences) {
    this.experiences = experiences;
  }

  @Override
  public void init(ProcessorContext<String, Experience> context) {
    this.context = context;
    signals = context.getStateStore(StoreNames.SIGNALS_BY_ID);
    pending = context.getStateStore(StoreNames.OUTCOMES_PENDING);
    learned = context.getStateStore(StoreNames.OUTCOMES_LEARNED);
  }

  @Override
  public void process(Record<String, Signal> record) {
    Signal signal = record.value();
    String id = JoinKey.of(signal.getUserId(), signal.getSignalId());
    if (signals.get(id) != null) {
      return; // a retried POST: the first copy counts
    }
    signals.put(id, signal);
    ValueAndTimestamp<TradeOutcome> waiting = pending.delete(id);
    if (waiting != null) {
      learned.put(id, record.timestamp());
      context.forward(record.withValue(experiences.matched(signal, waiting.value())));
    }
  }
}
