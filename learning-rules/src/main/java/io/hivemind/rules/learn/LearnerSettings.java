package io.hivemind.rules.learn;

import io.hivemind.learning.pattern.PatternScheme;
import java.time.Duration;

/**
 * How the learner learns. {@code joinHorizon}: how long (in event time) an outcome waits for its
 * signal before it is learned without it. {@code halfLife}: of the time-decayed counts. {@code
 * communityCapPerDay}: how many of a user's trades count in one community statistic per day (the
 * influence cap of {@link CommunityShares}).
 */
public record LearnerSettings(
    Duration joinHorizon, Duration halfLife, PatternScheme scheme, int communityCapPerDay) {

  /** The influence cap unless configured: a busy day's trades of one user on one pattern. */
  public static final int DEFAULT_COMMUNITY_CAP_PER_DAY = 25;

  public LearnerSettings {
    if (joinHorizon.isNegative() || halfLife.isZero() || halfLife.isNegative()) {
      throw new IllegalArgumentException("joinHorizon must be >= 0 and halfLife > 0");
    }
    if (communityCapPerDay < 1) {
      throw new IllegalArgumentException("communityCapPerDay must be >= 1");
    }
  }
}
