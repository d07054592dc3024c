package io.hivemind.analytics.topology;

import io.hivemind.schema.ModelPrediction;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps what each model predicted for a signal (the query's {@code ModelPrediction}, keyed by user
 * like the experiences, so it lands in the task that will see the trade's experience) until {@link
 * ShadowScorer} scores it. A bot that asked and never traded leaves its prediction behind: once an
 * hour, by stream time, predictions asked more than {@link #KEPT} before are dropped.
 */
final class PredictionKeeper implements Processor<String, ModelPrediction, Void, Void> {

  /** How long a prediction waits for its trade's outcome: the predictions topic's retention. */
  static final Duration KEPT = Duration.ofDays(7);

  private static final Duration SWEEP_EVERY = Duration.ofHours(1);

  private KeyValueStore<String, ModelPrediction> predictions;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    predictions = context.getStateStore(AnalyticsStores.PREDICTIONS);
    context.schedule(SWEEP_EVERY, PunctuationType.STREAM_TIME, this::sweep);
  }

  @Override
  public void process(Record<String, ModelPrediction> record) {
    ModelPrediction prediction = record.value();
    if (prediction != null) {
      predictions.put(
          AnalyticsStores.userKey(prediction.getUserId(), prediction.getSignalId()), prediction);
    }
  }

  private void sweep(long streamTime) {
    long before = streamTime - KEPT.toMillis();
    try (KeyValueIterator<String, ModelPrediction> all = predictions.all()) {
      while (all.hasNext()) {
        KeyValue<String, ModelPrediction> next = all.next();
        if (next.value.getAskedAt().toEpochMilli() < before) {
          predictions.delete(next.key);
        }
      }
    }
  }
}
