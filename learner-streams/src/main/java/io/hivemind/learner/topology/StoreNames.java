package io.hivemind.learner.topology;

/** Every state store of the learner, by name: they name their changelog topics too. */
public final class StoreNames {

  // Join and dedup stores are keyed by JoinKey (user_id and signal_id).

  /**
   * signal → Signal: every signal seen within the retry horizon, to drop duplicates and to join
   * late outcomes.
   */
  public static final String SIGNALS_BY_ID = "signals-by-id";

  /** {@code TimeIndex} (arrival time, then signal) → signal: signals by arrival, to forget them. */
  public static final String SIGNALS_BY_ARRIVAL = "signals-by-arrival";

  /**
   * signal → (TradeOutcome, arrival time): outcomes waiting for their signal, up to the horizon.
   */
  public static final String OUTCOMES_PENDING = "outcomes-pending";

  /**
   * {@code TimeIndex} (arrival time, then signal) → signal: the waiting outcomes by arrival, so the
   * horizon sweep range-scans what is due instead of reading every waiting outcome.
   */
  public static final String OUTCOMES_PENDING_BY_ARRIVAL = "outcomes-pending-by-arrival";

  /** user_id → how many of the user's outcomes wait for their signal (capped, ADR 12). */
  public static final String OUTCOMES_WAITING_PER_USER = "outcomes-waiting-per-user";

  /**
   * signal → stream time learned: outcomes learned within the retry horizon, to drop duplicates.
   */
  public static final String OUTCOMES_LEARNED = "outcomes-learned";

  /**
   * {@code TimeIndex} (time learned, then signal) → signal: learned outcomes by time, to forget.
   */
  public static final String OUTCOMES_LEARNED_BY_TIME = "outcomes-learned-by-time";

  /** StatsKey → WinStats: per-user statistics, on the user's own partition. */
  public static final String USER_STATS = "user-stats-store";

  /**
   * StatsKey → the user's share of the community statistic at the same pattern ({@code
   * CommunityShares}), on the user's own partition.
   */
  public static final String COMMUNITY_SHARES = "community-shares-store";

  /** CommunityStatsKey → WinStats: the community's statistics. */
  public static final String COMMUNITY_STATS = "community-stats-store";

  private StoreNames() {}
}
