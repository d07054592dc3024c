package io.hivemind.bench.quality;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceModel;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.answer.StatsMaps;
import io.hivemind.rules.learn.CommunityShares;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.rules.learn.StatsUpdates;
import io.hivemind.schema.Experience;
import io.hivemind.schema.StatsKey;
import io.hivemind.simulator.world.Opportunity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The pattern model without a broker: the simulator's trades learned as the replay learns them
 * (user statistics, then the community's through the influence cap, live half-life), answered by
 * the query's {@link ConfidenceModel}. Learns incrementally, so one instance serves every
 * checkpoint.
 */
final class OfflinePatternModel {

  static final Duration HALF_LIFE = Duration.ofHours(720);
  static final PatternScheme SCHEME = PatternScheme.v1();

  private final StatsMaps stats = new StatsMaps();
  private final Map<StatsKey, Long> shares = new HashMap<>();
  private final CommunityShares cap =
      new CommunityShares(LearnerSettings.DEFAULT_COMMUNITY_CAP_PER_DAY);
  private final ConfidenceModel model =
      ConfidenceModel.v1(ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS);

  void learn(Experience experience) {
    for (StatsKey key : StatsUpdates.userKeys(experience)) {
      stats.users().put(key, StatsUpdates.plus(stats.users().get(key), experience, HALF_LIFE));
    }
    for (CommunityShares.KeyedContribution counted :
        cap.contribute(experience, CommunityShares.Ledger.in(shares))) {
      stats
          .community()
          .put(
              counted.key(),
              StatsUpdates.plus(
                  stats.community().get(counted.key()), counted.contribution(), HALF_LIFE));
    }
  }

  double answer(Opportunity probe) {
    return model.answer(query(probe), stats).confidence().probability();
  }

  static ConfidenceQuery query(Opportunity probe) {
    return QualityTrades.query(probe);
  }

  static Experience experience(Opportunity trade) {
    return QualityTrades.experience(trade);
  }
}
