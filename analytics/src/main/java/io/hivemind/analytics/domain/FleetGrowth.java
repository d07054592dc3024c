package io.hivemind.analytics.domain;

/**
 * The hive mind's growth as a community answer shows it. Counts of users and bots are shown as they
 * are (they say how many, nothing about anyone); the experiences learned and today's P&L and win
 * rate are figures computed from users' trades, withheld under k distinct users. Private users are
 * in none of them except {@code activeBots} (a heartbeat does not say whether its user is private;
 * a bare count of bots reveals no one).
 *
 * @param users distinct users who ever had a trade learned
 * @param usersToday distinct users with a trade exited today (UTC)
 */
public record FleetGrowth(
    CommunityFigure<Long> experiencesLearned,
    int users,
    int usersToday,
    CommunityFigure<Tally> today,
    long activeBots) {

  /**
   * @param allTime the fleet's all-time tally ({@link Bucket.AllTime}), null if none
   * @param day the fleet's tally of today's UTC day ({@link Bucket.Day}), null if none
   * @param activeBots {@link ActiveBots#count} now
   */
  public static FleetGrowth of(Tally allTime, Tally day, long activeBots, KAnonymity k) {
    Tally all = allTime == null ? Tally.EMPTY : allTime;
    Tally today = day == null ? Tally.EMPTY : day;
    return new FleetGrowth(
        k.figure(all.trades(), all.contributors()),
        all.contributors(),
        today.contributors(),
        k.figure(today),
        activeBots);
  }
}
