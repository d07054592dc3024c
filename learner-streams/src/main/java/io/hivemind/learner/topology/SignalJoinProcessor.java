package io.hivemind.learner.topology;

import io.hivemind.rules.learn.JoinState;
import io.hivemind.rules.learn.TradeJoin;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Signals into the {@link TradeJoin}: a signal whose outcome was waiting completes the join. */
final class SignalJoinProcessor implements Processor<String, Signal, String, Experience> {

  private final TradeJoin join;
  private ProcessorContext<String, Experience> context;
  private JoinState state;

  SignalJoinProcessor(TradeJoin join) {
    this.join = join;
  }

  @Override
  public void init(ProcessorContext<String, Experience> context) {
    this.context = context;
    state = new StoreJoinState(context);
  }

  @Override
  public void process(Record<String, Signal> record) {
    join.onSignal(record.value(), record.timestamp(), state)
        .ifPresent(experience -> context.forward(record.withValue(experience)));
  }
}
