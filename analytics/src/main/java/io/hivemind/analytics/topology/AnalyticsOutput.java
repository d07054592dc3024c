package io.hivemind.analytics.topology;

import io.hivemind.schema.AnalyticsContribution;
import io.hivemind.schema.BadgeAward;
import io.hivemind.schema.UserPerformance;

/**
 * What the per-user step forwards: badges earned (key user_id) and fleet contributions (key
 * bucket).
 */
sealed interface AnalyticsOutput {

  record Earned(BadgeAward award) implements AnalyticsOutput {}

  record Contributed(AnalyticsContribution contribution) implements AnalyticsOutput {}

  /** The user's performance for the leaderboards; null (a tombstone) for a private user. */
  record Standing(UserPerformance performance) implements AnalyticsOutput {}
}
