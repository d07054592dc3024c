package io.hivemind.learner.topology;

import io.hivemind.rules.learn.JoinState;
import io.hivemind.rules.learn.JoinStep;
import io.hivemind.rules.learn.TradeJoin;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Signals into the {@link TradeJoin}: a signal whose outcome was waiting completes the join. */
final class SignalJoinProcessor implements Processor<String, Signal, String, JoinOutput> {

  private final TradeJoin join;
  private ProcessorContext<String, JoinOutput> context;
  private JoinState state;

  SignalJoinProcessor(TradeJoin join) {
    this.join = join;
  }

  @Override
  public void init(ProcessorContext<String, JoinOutput> context) {
    this.context = context;
    state = new StoreJoinState(context);
  }

  @Override
  public void process(Record<String, Signal> record) {
    JoinStep step = join.onSignal(record.value(), record.timestamp(), state);
    for (Experience experience : step.learned()) {
      context.forward(record.withValue(new JoinOutput.Learned(experience)));
    }
    for (JoinStep.Backlog backlog : step.backlogs()) {
      context.forward(
          new Record<>(backlog.userId(), new JoinOutput.Backlog(backlog), record.timestamp()));
    }
  }
}
