package io.hivemind.analytics.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.access.domain.Role;
import io.hivemind.access.http.RequiresRole;
import io.hivemind.analytics.training.ChallengerTraining;
import io.hivemind.learning.score.Calibration;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/ml/models} (admin, ADR 22): how the served model and its shadow score against the
 * outcomes of the trades bots asked about (every model on the same trades), and where the
 * challenger's training is. The same figures are metrics ({@link ModelScoreMetrics}).
 */
@Path("/api/ml/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

  private final AnalyticsStoreReader stores;
  private final ChallengerTraining training;

  ModelsResource(AnalyticsStoreReader stores, ChallengerTraining training) {
    this.stores = stores;
    this.training = training;
  }

  record Bin(
      @JsonProperty("low") double low,
      @JsonProperty("high") double high,
      @JsonProperty("count") long count,
      @JsonProperty("mean_predicted") Double meanPredicted,
      @JsonProperty("realized") Double realized) {}

  record Score(
      @JsonProperty("model") String model,
      @JsonProperty("trades") long trades,
      @JsonProperty("brier") Double brier,
      @JsonProperty("log_loss") Double logLoss,
      @JsonProperty("ece") Double ece,
      @JsonProperty("mean_predicted") Double meanPredicted,
      @JsonProperty("win_rate") Double winRate,
      @JsonProperty("reliability") List<Bin> reliability) {

    static Score of(String model, Calibration score) {
      List<Bin> bins = new ArrayList<>();
      for (Calibration.Bin bin : score.reliability()) {
        bins.add(
            new Bin(
                bin.low(),
                bin.high(),
                bin.count(),
                finite(bin.meanPredicted()),
                finite(bin.realized())));
      }
      return new Score(
          model,
          score.count(),
          finite(score.brier()),
          finite(score.logLoss()),
          finite(score.expectedCalibrationError()),
          finite(score.meanPredicted()),
          finite(score.realizedWinRate()),
          bins);
    }
  }

  record Body(
      @JsonProperty("scores") List<Score> scores,
      @JsonProperty("challenger") ChallengerTraining.Status challenger) {}

  @GET
  @RequiresRole(Role.ADMIN)
  public Body models() {
    List<Score> scores = new ArrayList<>();
    for (Map.Entry<String, Calibration> entry : stores.modelScores().entrySet()) {
      scores.add(Score.of(entry.getKey(), entry.getValue()));
    }
    return new Body(scores, training.status());
  }

  /** JSON has no NaN: a figure of no trades is null. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
