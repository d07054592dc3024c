package io.hivemind.analytics.topology;

/**
 * The analytics' state stores (each changelogged, exactly once with the application). Store names
 * are part of the contract of the service that will query them.
 */
public final class AnalyticsStores {

  /** (user_id + "/" + signal_id) → exit time, epoch millis: experiences already counted. */
  public static final String EXPERIENCES_SEEN = "analytics-experiences-seen";

  /** user_id → {@code UserPerformance}: running performance and badges held. */
  public static final String USER_LEDGERS = "analytics-user-ledgers";

  /**
   * (user_id + "/" + bucket key) → {@code AnalyticsTally}: a user's own hours, days, heatmap cells
   * and all time (bucket keys: {@code io.hivemind.analytics.domain.Bucket}).
   */
  public static final String USER_TALLIES = "analytics-user-tallies";

  /**
   * bucket key → {@code AnalyticsTally} with its distinct users: the fleet's hours, days, heatmap
   * cells and all time, private users left out. Behind the repartition topic {@link
   * #FLEET_CONTRIBUTIONS}.
   */
  public static final String FLEET_TALLIES = "analytics-fleet-tallies";

  /** The repartition topic's name (prefixed by the application id): contributions by bucket key. */
  public static final String FLEET_CONTRIBUTIONS = "analytics-fleet-contributions";

  /**
   * user_id → {@code UserPerformance} without badges, public users only: a global store over {@code
   * <prefix>standings}, every instance holds all of it, for {@code Leaderboard}.
   */
  public static final String STANDINGS = "analytics-standings";

  /** user_id → the record time (epoch millis) of the user's latest heartbeat. */
  public static final String LAST_HEARTBEATS = "analytics-last-heartbeats";

  /** symbol → {@code FleetBars}: the fleet's open minutes and the symbol's regime (ADR 21). */
  public static final String REGIME_BOOKS = "analytics-regime-books";

  /** symbol → the label of the regime last published to {@code <prefix>regimes}. */
  public static final String REGIMES_PUBLISHED = "analytics-regimes-published";

  /** The repartition topic's name: heartbeats' bars by symbol. */
  public static final String REGIME_BARS = "analytics-regime-bars";

  /**
   * (user_id + "/" + signal_id) → {@code ModelPrediction}: what each model said when the bot asked,
   * waiting for the trade's experience (ADR 22); removed when scored, or a week after it was asked.
   */
  public static final String PREDICTIONS = "analytics-predictions";

  /**
   * model name ({@code pattern}, {@code challenger}) → {@code Calibration.Totals}: that model's
   * predictions scored against outcomes, in this task's users. Every model is scored on the same
   * trades: those whose prediction named both.
   */
  public static final String MODEL_SCORES = "analytics-model-scores";

  private AnalyticsStores() {}

  static String userKey(String userId, String suffix) {
    return userId + "/" + suffix;
  }
}
