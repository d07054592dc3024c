package io.hivemind.analytics.domain;

import java.time.Duration;

/**
 * The analytics' settings, with the names the service will read them under and their defaults.
 *
 * @param rankMinTrades {@value #RANK_MIN_TRADES}: trades a user needs to be ranked (default 20)
 * @param minUsers {@value #MIN_USERS}: k, the distinct users a community figure needs; the same
 *     setting as the confidence's community evidence (ADR 13), one k for the whole system
 * @param activeWindow {@value #ACTIVE_WINDOW}: a bot is active with a heartbeat this recent
 *     (default 3 minutes, the gateway's {@code hivemind.control.active-window})
 */
public record AnalyticsSettings(int rankMinTrades, int minUsers, Duration activeWindow) {

  public static final String RANK_MIN_TRADES = "hivemind.analytics.rank-min-trades";
  public static final String MIN_USERS = "hivemind.community.min-contributors";
  public static final String ACTIVE_WINDOW = "hivemind.analytics.active-window";

  /**
   * The secret of the anonymous handles ({@link HandleMinter}), at least 16 bytes. No default: a
   * service without it must refuse to start (a default secret would make every handle reversible by
   * anyone who reads this code). Environment: {@code HIVEMIND_ANALYTICS_HANDLE_SECRET}.
   */
  public static final String HANDLE_SECRET = "hivemind.analytics.handle-secret";

  public static final AnalyticsSettings DEFAULTS =
      new AnalyticsSettings(
          Leaderboard.DEFAULT_MIN_TRADES, KAnonymity.DEFAULT_K, ActiveBots.DEFAULT_WINDOW);

  public Leaderboard leaderboard() {
    return new Leaderboard(rankMinTrades);
  }

  public KAnonymity kAnonymity() {
    return new KAnonymity(minUsers);
  }
}
