package io.hivemind.learner.topology;

import io.hivemind.rules.learn.JoinState;
import io.hivemind.rules.learn.TradeJoin;
import io.hivemind.schema.Experience;
import io.hivemind.schema.TradeOutcome;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Outcomes into the {@link TradeJoin}, and every second of stream time the outcomes whose signal
 * did not come within the horizon. Stream time (not wall time) keeps the result the same on every
 * run over the same log.
 */
final class OutcomeJoinProcessor implements Processor<String, TradeOutcome, String, Experience> {

  private final TradeJoin join;
  private ProcessorContext<String, Experience> context;
  private JoinState state;

  OutcomeJoinProcessor(TradeJoin join) {
    this.join = join;
  }

  @Override
  public void init(ProcessorContext<String, Experience> context) {
    this.context = context;
    state = new StoreJoinState(context);
    context.schedule(TradeJoin.SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::learnExpired);
  }

  @Override
  public void process(Record<String, TradeOutcome> record) {
    join.onOutcome(record.value(), record.timestamp(), state)
        .ifPresent(experience -> context.forward(record.withValue(experience)));
  }

  private void learnExpired(long streamTime) {
    for (Experience experience : join.expire(streamTime, state)) {
      context.forward(new Record<>(experience.getUserId(), experience, streamTime));
    }
  }
}
