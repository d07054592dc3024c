package io.hivemind.analytics.topology;

import io.hivemind.learning.score.Calibration;
import io.hivemind.schema.Experience;
import io.hivemind.schema.ModelPrediction;
import io.hivemind.schema.ModelProbability;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Scores every model against a trade's outcome (ADR 22): when an experience arrives whose signal a
 * bot asked about, each model's probability in that prediction is recorded with the win into the
 * model's running {@link Calibration} (Brier, log loss, reliability), the served model and its
 * shadow alike, and the prediction is removed: an experience seen again (a re-learn, ADR 13) is not
 * scored twice. Runs exactly once with the application: the score and the removal commit with the
 * consumed offsets.
 */
final class ShadowScorer implements Processor<String, Experience, Void, Void> {

  private KeyValueStore<String, ModelPrediction> predictions;
  private KeyValueStore<String, Calibration.Totals> scores;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    predictions = context.getStateStore(AnalyticsStores.PREDICTIONS);
    scores = context.getStateStore(AnalyticsStores.MODEL_SCORES);
  }

  @Override
  public void process(Record<String, Experience> record) {
    Experience experience = record.value();
    if (experience == null) {
      return;
    }
    String key = AnalyticsStores.userKey(experience.getUserId(), experience.getSignalId());
    ModelPrediction prediction = predictions.get(key);
    if (prediction == null) {
      return;
    }
    for (ModelProbability said : prediction.getPredictions()) {
      double probability = said.getProbability();
      if (!(probability >= 0 && probability <= 1)) {
        continue; // not a probability: the query never writes one, nothing to score
      }
      Calibration.Totals before = scores.get(said.getModel());
      Calibration score = before == null ? new Calibration() : Calibration.from(before);
      score.record(probability, experience.getWin());
      scores.put(said.getModel(), score.totals());
    }
    predictions.delete(key);
  }
}
