package io.hivemind.bench.quality;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceModel;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.learn.PatternLearner;
import io.hivemind.schema.Experience;
import io.hivemind.simulator.world.Opportunity;
import java.time.Duration;

/**
 * The pattern model without a broker: the simulator's trades learned as the replay learns them
 * (user statistics, then the community's through the influence cap, live half-life), answered by
 * the query's {@link ConfidenceModel}. Learns incrementally, so one instance serves every
 * checkpoint.
 */
final class OfflinePatternModel {

  static final Duration HALF_LIFE = Duration.ofHours(720);
  static final PatternScheme SCHEME = PatternScheme.v1();

  private final PatternLearner learner = new PatternLearner(HALF_LIFE);
  private final ConfidenceModel model =
      ConfidenceModel.v1(ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS);

  void learn(Experience experience) {
    learner.learn(experience);
  }

  double answer(Opportunity probe) {
    return model
        .answer(query(probe), learner.stats(), learner.stats().priors())
        .confidence()
        .probability();
  }

  static ConfidenceQuery query(Opportunity probe) {
    return QualityTrades.query(probe);
  }

  static Experience experience(Opportunity trade) {
    return QualityTrades.experience(trade);
  }
}
