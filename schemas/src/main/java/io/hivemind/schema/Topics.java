package io.hivemind.schema;

import java.util.List;
import java.util.Map;

/**
 * Names and shapes of every topic of the system. A deployment may put a prefix in front of every
 * name (the default is {@code hivemind.}); all services of one deployment must use the same one.
 */
public final class Topics {

  public static final String DEFAULT_PREFIX = "hivemind.";

  private static final long WEEK_MILLIS = 7L * 24 * 3600 * 1000;

  public final String signals;
  public final String outcomes;
  public final String heartbeats;
  public final String experiences;
  public final String userStats;
  public final String communityStats;
  public final String deadLetters;
  public final String control;
  public final String audit;
  public final String apiKeys;

  /**
   * Users whose backlog of outcomes waiting for their signal is full: key user_id (string), value
   * how many wait (long), a tombstone once it is no longer full. Written by the learner, read by
   * the gateway to refuse such outcomes early (ADR 12).
   */
  public final String outcomeBacklogs;

  /**
   * Probes of the gateway's clock against the broker's (ADR 16): key the gateway instance, value
   * its own time when it sent the probe. The broker stamps each record with its own time on append
   * ({@code LogAppendTime}); the acknowledgement carries that time back. Compacted: one record per
   * instance, its latest probe.
   */
  public final String clockProbes;

  /**
   * Badges the analytics awarded (issue 14): key user_id, value {@code BadgeAward}, each award
   * written once. Kept: the awards are events a notifier or the dashboard follows.
   */
  public final String badges;

  /**
   * Each public user's performance for the leaderboards (issue 14): key user_id, value {@code
   * UserPerformance} without its badges, a tombstone for a private user. Written by the analytics,
   * read whole by every analytics instance (a global table) so a rank needs no scatter. Compacted.
   */
  public final String standings;

  /**
   * Learned models' versions (ADR 22): key the model's role ({@code challenger}), value {@code
   * ModelSnapshot}: the model's bytes with the input offsets they cover. Written by the trainer,
   * read whole by every query instance. Compacted, one partition, records up to 16 MB.
   */
  public final String models;

  /**
   * What each model predicted for a signal when a bot asked (ADR 22): key user_id, value {@code
   * ModelPrediction}. Written by the query, joined with the experiences by the analytics to score
   * the served model and its shadow. Kept a week: a trade's outcome comes within its horizon.
   */
  public final String predictions;

  /**
   * Each symbol's market regime changes (ADR 21, 22): key symbol, value {@code RegimeChange}.
   * Written by the analytics, read whole by the challenger's trainer and the query. A few changes a
   * day per symbol: one partition, kept a month.
   */
  public final String regimes;

  /**
   * Notification subscriptions (ADR 25): key the subscription id, value its JSON (audience,
   * destination, the kinds it wants, its signing secret), a tombstone once deleted. Written by the
   * notifier's API, read whole by every notifier instance. Compacted, one partition.
   */
  public final String webhooks;

  /**
   * Events to tell users and operators (ADR 25): key the audience ({@code user:<id>} or {@code
   * fleet}), value the notification's JSON with its idempotency id. Written exactly once by the
   * notifier's events topology, delivered at least once by its reader. Kept a week.
   */
  public final String notifications;

  /**
   * Deliveries given up on (ADR 25): key {@code <subscription id>/<event id>}, value the
   * notification with the reason and attempts, a tombstone once sent again. What a user reads at
   * {@code GET /api/webhooks/{id}/dead-letters}. Compacted.
   */
  public final String webhookDeadLetters;

  public Topics(String prefix) {
    signals = prefix + "signals";
    outcomes = prefix + "outcomes";
    heartbeats = prefix + "heartbeats";
    experiences = prefix + "experiences";
    userStats = prefix + "user-stats";
    communityStats = prefix + "community-stats";
    deadLetters = prefix + "dead-letters";
    control = prefix + "control";
    audit = prefix + "audit";
    apiKeys = prefix + "api-keys";
    outcomeBacklogs = prefix + "outcome-backlogs";
    clockProbes = prefix + "clock-probes";
    badges = prefix + "badges";
    standings = prefix + "standings";
    models = prefix + "models";
    predictions = prefix + "predictions";
    regimes = prefix + "regimes";
    webhooks = prefix + "webhooks";
    notifications = prefix + "notifications";
    webhookDeadLetters = prefix + "webhook-dead-letters";
  }

  public static Topics withDefaultPrefix() {
    return new Topics(DEFAULT_PREFIX);
  }

  /** Every topic with the configuration it is created with. */
  public List<TopicSpec> specs() {
    Map<String, String> compacted = Map.of("cleanup.policy", "compact");
    Map<String, String> kept = Map.of("retention.ms", "-1");
    return List.of(
        new TopicSpec(signals, kept),
        new TopicSpec(outcomes, kept),
        new TopicSpec(heartbeats, Map.of("retention.ms", String.valueOf(WEEK_MILLIS))),
        new TopicSpec(experiences, kept),
        new TopicSpec(userStats, compacted),
        new TopicSpec(communityStats, compacted),
        new TopicSpec(deadLetters, kept),
        // One partition each: control is a handful of settings every service reads whole, and the
        // audit trail is read back in the order the commands were applied.
        new TopicSpec(control, compacted, 1),
        new TopicSpec(audit, kept, 1),
        // Every service reads the API keys whole too: one record (hashes only) per key id.
        new TopicSpec(apiKeys, compacted, 1),
        new TopicSpec(outcomeBacklogs, compacted),
        new TopicSpec(badges, kept),
        new TopicSpec(standings, compacted),
        new TopicSpec(
            models, Map.of("cleanup.policy", "compact", "max.message.bytes", "16777216"), 1),
        new TopicSpec(predictions, Map.of("retention.ms", String.valueOf(WEEK_MILLIS))),
        new TopicSpec(regimes, Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000)), 1),
        new TopicSpec(
            clockProbes,
            Map.of("cleanup.policy", "compact", "message.timestamp.type", "LogAppendTime"),
            1),
        new TopicSpec(webhooks, compacted, 1),
        new TopicSpec(notifications, Map.of("retention.ms", String.valueOf(WEEK_MILLIS))),
        new TopicSpec(webhookDeadLetters, compacted));
  }

  /**
   * A topic name with its topic-level configuration. {@code partitions} 0 means the deployment's
   * partition count.
   */
  public record TopicSpec(String name, Map<String, String> config, int partitions) {

    public TopicSpec(String name, Map<String, String> config) {
      this(name, config, 0);
    }

    public int partitionsOr(int deploymentPartitions) {
      return partitions > 0 ? partitions : deploymentPartitions;
    }
  }
}
