package io.hivemind.rules.learn;

import io.hivemind.learning.pattern.PatternScheme;
import java.time.Duration;

/**
 * How the learner learns. {@code joinHorizon}: how long (in event time) an outcome waits for its
 * signal before it is learned without it. {@code halfLife}: of the time-decayed counts. {@code
 * communityCapPerDay}: how many of a user's trades count in one community statistic per day (the
 * influence cap of {@link CommunityShares}). {@code maxWaitingOutcomesPerUser}: how many of a
 * user's outcomes may wait for their signal at once; more are dead-lettered ({@link TradeJoin}).
 */
public record LearnerSettings(
    Duration joinHorizon,
    Duration halfLife,
    PatternScheme scheme,
    int communityCapPerDay,
    long maxWaitingOutcomesPerUser) {

  /** The influence cap unless configured: a busy day's trades of one user on one pattern. */
  public static final int DEFAULT_COMMUNITY_CAP_PER_DAY = 25;

  /** The learner's default {@code hivemind.learner.max-waiting-outcomes-per-user}. */
  public static final long DEFAULT_MAX_WAITING_OUTCOMES_PER_USER = 1000;

  public LearnerSettings {
    if (joinHorizon.isNegative() || halfLife.isZero() || halfLife.isNegative()) {
      throw new IllegalArgumentException("joinHorizon must be >= 0 and halfLife > 0");
    }
    if (communityCapPerDay < 1) {
      throw new IllegalArgumentException("communityCapPerDay must be >= 1");
    }
    if (maxWaitingOutcomesPerUser < 1) {
      throw new IllegalArgumentException("maxWaitingOutcomesPerUser must be >= 1");
    }
  }

  /** With the default caps: the influence cap and the cap on waiting outcomes. */
  public LearnerSettings(Duration joinHorizon, Duration halfLife, PatternScheme scheme) {
    this(
        joinHorizon,
        halfLife,
        scheme,
        DEFAULT_COMMUNITY_CAP_PER_DAY,
        DEFAULT_MAX_WAITING_OUTCOMES_PER_USER);
  }
}
