package io.hivemind.learner.topology;

import io.hivemind.rules.learn.JoinStep;
import io.hivemind.rules.learn.TradeJoin;
import io.hivemind.schema.Experience;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.streams.DeadLetterHeaders;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Outcomes into the {@link TradeJoin}, and every second of stream time the outcomes whose signal
 * did not come within the horizon. Stream time (not wall time) keeps the result the same on every
 * run over the same log. An outcome over its user's cap goes to the dead-letter topic, with why and
 * where it came from in headers, as poison does.
 */
final class OutcomeJoinProcessor implements Processor<String, TradeOutcome, String, JoinOutput> {

  private final TradeJoin join;
  private ProcessorContext<String, JoinOutput> context;
  private StoreJoinState state;
  private boolean indexChecked;

  OutcomeJoinProcessor(TradeJoin join) {
    this.join = join;
  }

  @Override
  public void init(ProcessorContext<String, JoinOutput> context) {
    this.context = context;
    state = new StoreJoinState(context);
    context.schedule(TradeJoin.SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::learnExpired);
  }

  @Override
  public void process(Record<String, TradeOutcome> record) {
    JoinStep step = join.onOutcome(record.value(), record.timestamp(), state);
    if (step.refused()) {
      deadLetter(record, step.refusal());
    }
    for (Experience experience : step.learned()) {
      context.forward(record.withValue(new JoinOutput.Learned(experience)));
    }
    forwardBacklogs(step, record.timestamp());
  }

  private void deadLetter(Record<String, TradeOutcome> record, String reason) {
    // a copy: the input's headers stay as they came for anything else forwarded from it
    Record<String, TradeOutcome> letter =
        record.withHeaders(new RecordHeaders(record.headers().toArray()));
    DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.REASON, reason);
    context
        .recordMetadata()
        .ifPresent(
            meta -> {
              DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.TOPIC, meta.topic());
              DeadLetterHeaders.add(
                  letter.headers(), DeadLetterHeaders.PARTITION, meta.partition());
              DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.OFFSET, meta.offset());
            });
    context.forward(letter.withValue(new JoinOutput.Refused(record.value())));
  }

  private void learnExpired(long streamTime) {
    if (!indexChecked) {
      state.indexUnindexed(streamTime);
      indexChecked = true;
    }
    JoinStep step = join.expire(streamTime, state);
    for (Experience experience : step.learned()) {
      context.forward(
          new Record<>(experience.getUserId(), new JoinOutput.Learned(experience), streamTime));
    }
    forwardBacklogs(step, streamTime);
  }

  private void forwardBacklogs(JoinStep step, long time) {
    for (JoinStep.Backlog backlog : step.backlogs()) {
      context.forward(new Record<>(backlog.userId(), new JoinOutput.Backlog(backlog), time));
    }
  }
}
