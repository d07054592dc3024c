package io.hivemind.analytics.api;

import io.hivemind.learning.score.Calibration;
import io.hivemind.rules.model.ServedAnswer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Each model's score as metrics (ADR 22), read from the stores at each scrape: {@code
 * hivemind_model_brier}, {@code hivemind_model_log_loss}, {@code hivemind_model_ece} and {@code
 * hivemind_model_scored_trades}, tagged {@code model=pattern|challenger}. NaN while the stores
 * cannot be read or no trade was scored.
 */
@ApplicationScoped
class ModelScoreMetrics {

  private static final List<String> MODELS = List.of(ServedAnswer.PATTERN, ServedAnswer.CHALLENGER);

  private final AnalyticsStoreReader stores;

  ModelScoreMetrics(AnalyticsStoreReader stores) {
    this.stores = stores;
  }

  void register(@Observes StartupEvent event, MeterRegistry meters) {
    for (String model : MODELS) {
      gauge(
          meters,
          "hivemind.model.brier",
          "Brier score of the model's predictions",
          model,
          Calibration::brier);
      gauge(
          meters,
          "hivemind.model.log.loss",
          "log loss of the model's predictions",
          model,
          Calibration::logLoss);
      gauge(
          meters,
          "hivemind.model.ece",
          "expected calibration error of the model",
          model,
          Calibration::expectedCalibrationError);
      gauge(
          meters,
          "hivemind.model.scored.trades",
          "trades the model was scored on",
          model,
          score -> score.count());
    }
  }

  private void gauge(
      MeterRegistry meters,
      String name,
      String description,
      String model,
      ToDoubleFunction<Calibration> figure) {
    Gauge.builder(name, this, metrics -> metrics.read(model, figure))
        .description(description)
        .tag("model", model)
        .register(meters);
  }

  private double read(String model, ToDoubleFunction<Calibration> figure) {
    try {
      Calibration score = stores.modelScores().get(model);
      return score == null ? Double.NaN : figure.applyAsDouble(score);
    } catch (StoresUnavailableException e) {
      return Double.NaN;
    }
  }
}
