package io.hivemind.rules.learn;

import io.hivemind.rules.answer.StatsMaps;
import io.hivemind.schema.Experience;
import io.hivemind.schema.StatsKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The pattern model's statistics learned in memory, without a broker, as the learner and the replay
 * learn them: each experience into its user's statistics, then into the community's through the
 * influence cap, decayed with one half-life. For the benches and tests that need learned statistics
 * to ask {@code ConfidenceModel} about; the learner's topology and the replay's walk keep their own
 * stores.
 */
public final class PatternLearner {

  private final StatsMaps stats = new StatsMaps();
  private final Map<StatsKey, Long> shares = new HashMap<>();
  private final CommunityShares cap =
      new CommunityShares(LearnerSettings.DEFAULT_COMMUNITY_CAP_PER_DAY);
  private final Duration halfLife;

  public PatternLearner(Duration halfLife) {
    this.halfLife = halfLife;
  }

  public void learn(Experience experience) {
    for (StatsKey key : StatsUpdates.userKeys(experience)) {
      stats.users().put(key, StatsUpdates.plus(stats.users().get(key), experience, halfLife));
    }
    for (CommunityShares.KeyedContribution counted :
        cap.contribute(experience, CommunityShares.Ledger.in(shares))) {
      stats.putCommunity(
          counted.key(),
          StatsUpdates.plus(
              stats.community().get(counted.key()), counted.contribution(), halfLife));
    }
  }

  /** What was learned, to answer from. */
  public StatsMaps stats() {
    return stats;
  }
}
