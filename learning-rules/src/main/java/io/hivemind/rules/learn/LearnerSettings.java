package io.hivemind.rules.learn;

import io.hivemind.learning.pattern.PatternScheme;
import java.time.Duration;

/**
 * How the learner learns. {@code joinHorizon}: how long (in event time) an outcome waits for its
 * signal before it is learned without it. {@code halfLife}: of the time-decayed counts. {@code
 * communityCapPerDay}: how many of a user's trades count in one community statistic per day (the
 * influence cap of {@link CommunityShares}). {@code maxWaitingOutcomesPerUser}: how many of a
 * user's outcomes may wait for their signal at once; more are dead-lettered ({@link TradeJoin}).
 * {@code retryHorizon}: how long signals and learned outcomes are remembered to drop retries.
 */
public record LearnerSettings(
    Duration joinHorizon,
    Duration halfLife,
    PatternScheme scheme,
    int communityCapPerDay,
    long maxWaitingOutcomesPerUser,
    Duration retryHorizon) {

  /** The influence cap unless configured: a busy day's trades of one user on one pattern. */
  public static final int DEFAULT_COMMUNITY_CAP_PER_DAY = 25;

  /** The learner's default {@code hivemind.learner.max-waiting-outcomes-per-user}. */
  public static final long DEFAULT_MAX_WAITING_OUTCOMES_PER_USER = 1000;

  /**
   * The learner's default {@code hivemind.learner.retry-horizon}: the gateway's maximum event age
   * (30 days) and a day.
   */
  public static final Duration DEFAULT_RETRY_HORIZON = Duration.ofDays(31);

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
    if (retryHorizon.compareTo(joinHorizon) <= 0) {
      throw new IllegalArgumentException("retryHorizon must be longer than joinHorizon");
    }
  }

  /** The join of these settings. */
  public TradeJoin join() {
    return new TradeJoin(
        new ExperienceFactory(scheme), joinHorizon, maxWaitingOutcomesPerUser, retryHorizon);
  }

  /** With the default caps: the influence cap and the cap on waiting outcomes. */
  public LearnerSettings(Duration joinHorizon, Duration halfLife, PatternScheme scheme) {
    this(
        joinHorizon,
        halfLife,
        scheme,
        DEFAULT_COMMUNITY_CAP_PER_DAY,
        DEFAULT_MAX_WAITING_OUTCOMES_PER_USER,
        DEFAULT_RETRY_HORIZON);
  }
}
