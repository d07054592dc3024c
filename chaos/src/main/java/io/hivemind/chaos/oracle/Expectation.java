package io.hivemind.chaos.oracle;

import io.hivemind.chaos.oracle.LogSnapshot.CommunityKey;
import io.hivemind.chaos.oracle.LogSnapshot.Counts;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedOutcome;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedSignal;
import io.hivemind.chaos.oracle.LogSnapshot.UserKey;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the statistics must say, worked out from the stored signals and outcomes alone, by the
 * contract and not by the learner's code: a trade is a user's {@code signal_id} with both its
 * signal and an outcome on the log; the first outcome of it counts, once, in the user's statistics
 * (a win: P&L above zero) and, unless the user is private, in the community's, where one user
 * counts with at most {@code capPerDay} trades per UTC day of exit and statistic; ADR 13 keeps one
 * day per user and statistic, the latest, and a trade of an earlier day (a late one, or a second
 * run over the same simulated days) counts against the day kept. Trades are taken in the order
 * their outcomes were stored, which is the order the learner learns them in (a bot sends a trade's
 * outcome only after its signal was acknowledged). An outcome whose signal is not on the log waits
 * for it (the learner learns it alone only once the log's time has passed it by the join horizon, a
 * day): it is counted apart, as waiting.
 *
 * @param capReached community keys where some user reached the daily cap: which trades count there
 *     depends on the order they are learned in, so their wins are order-dependent (the check names
 *     them)
 */
public record Expectation(
    Map<UserKey, Counts> userLevel0,
    Map<CommunityKey, Counts> communityLevel0,
    Set<String> trades,
    long waitingOutcomes,
    long duplicateOutcomes,
    Set<CommunityKey> capReached) {

  /** The trade's identity in {@link #trades}. */
  public static String tradeId(String user, String signalId) {
    return user + '\u0000' + signalId;
  }

  public static Expectation of(LogSnapshot log, int capPerDay) {
    Set<String> signals = new HashSet<>();
    for (LoggedSignal signal : log.signals()) {
      signals.add(tradeId(signal.user(), signal.signalId()));
    }
    Map<String, LoggedOutcome> first = new LinkedHashMap<>();
    long duplicates = 0;
    for (LoggedOutcome outcome : log.outcomes()) {
      if (first.putIfAbsent(tradeId(outcome.user(), outcome.signalId()), outcome) != null) {
        duplicates++;
      }
    }
    Map<UserKey, Counts> users = new HashMap<>();
    Map<String, long[]> kept = new HashMap<>(); // per user and statistic: {day, count}
    Map<CommunityKey, Counts> community = new HashMap<>();
    Set<CommunityKey> capReached = new HashSet<>();
    Set<String> trades = new HashSet<>();
    long waiting = 0;
    for (Map.Entry<String, LoggedOutcome> entry : first.entrySet()) {
      LoggedOutcome outcome = entry.getValue();
      if (!signals.contains(entry.getKey())) {
        waiting++;
        continue;
      }
      trades.add(entry.getKey());
      boolean win = outcome.pnl() > 0;
      users.merge(
          new UserKey(outcome.user(), outcome.symbol(), outcome.side()),
          Counts.NONE.plus(win),
          Counts::plus);
      if (outcome.privateUser()) {
        continue;
      }
      CommunityKey key = new CommunityKey(outcome.symbol(), outcome.side());
      long day = outcome.exitTime().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
      long[] share =
          kept.computeIfAbsent(outcome.user() + '\u0000' + key, k -> new long[] {day, 0});
      if (day > share[0]) {
        share[0] = day;
        share[1] = 0;
      }
      if (share[1] >= capPerDay) {
        capReached.add(key);
        continue;
      }
      share[1]++;
      community.merge(key, Counts.NONE.plus(win), Counts::plus);
    }
    return new Expectation(users, community, trades, waiting, duplicates, capReached);
  }
}
