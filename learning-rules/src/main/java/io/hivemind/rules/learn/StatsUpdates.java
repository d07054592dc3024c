package io.hivemind.rules.learn;

import io.hivemind.learning.stats.TradeResult;
import io.hivemind.schema.CommunityContribution;
import io.hivemind.schema.CommunityDelta;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which statistics an experience is counted in, and how one is updated: the user's and the
 * community's (unless the user is private), at every level of the experience's patterns.
 */
public final class StatsUpdates {

  private StatsUpdates() {}

  public static List<StatsKey> userKeys(Experience experience) {
    List<String> patterns = experience.getPatterns();
    List<StatsKey> keys = new ArrayList<>(patterns.size());
    for (int level = 0; level < patterns.size(); level++) {
      keys.add(
          new StatsKey(
              experience.getUserId(),
              experience.getSymbol(),
              experience.getSide(),
              level,
              patterns.get(level)));
    }
    return keys;
  }

  /**
   * The community statistics {@code experience} is counted in: none for a private user's, who
   * contributes nothing to the community (the live learner and the replay both count through this).
   */
  public static List<CommunityStatsKey> communityKeys(Experience experience) {
    if (experience.getPrivateUser()) {
      return List.of();
    }
    List<String> patterns = experience.getPatterns();
    List<CommunityStatsKey> keys = new ArrayList<>(patterns.size());
    for (int level = 0; level < patterns.size(); level++) {
      keys.add(
          new CommunityStatsKey(
              experience.getSymbol(), experience.getSide(), level, patterns.get(level)));
    }
    return keys;
  }

  /**
   * A community statistic (null: nothing yet) with {@code contribution} counted in: its trade's
   * result, and one more distinct contributor if it is the user's first there.
   */
  public static WinStats plus(WinStats stats, CommunityDelta contribution, Duration halfLife) {
    WinStats next =
        plus(stats, new TradeResult(contribution.getPnl(), contribution.getExitTime()), halfLife);
    int before = stats == null ? 0 : stats.getContributors();
    next.setContributors(contribution.getFirstFromUser() ? before + 1 : before);
    return next;
  }

  /**
   * What a learner before {@link CommunityDelta} put in its repartition topic, as the delta it now
   * puts there: a record that learner left unread is counted as it would have counted it.
   */
  public static CommunityDelta delta(CommunityContribution earlier) {
    Experience experience = earlier.getExperience();
    return new CommunityDelta(
        experience.getPnl(), experience.getExitTime(), earlier.getFirstFromUser());
  }

  /** {@code stats} (null: nothing yet) with {@code experience} counted in. */
  public static WinStats plus(WinStats stats, Experience experience, Duration halfLife) {
    return plus(stats, ExperienceFactory.result(experience), halfLife);
  }

  private static WinStats plus(WinStats stats, TradeResult result, Duration halfLife) {
    return WinStatsCodec.encode(WinStatsCodec.decode(stats).plus(result, halfLife));
  }
}
