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
 * counts with at most {@code capPerDay} trades per UTC day of exit and statistic. An outcome whose
 * signal is not on the log waits for it (the learner learns it alone only once the log's time has
 * passed it by the join horizon, a day): it is counted apart, as waiting.
 *
 * @param capReached community keys where some user passed the daily cap: which of a day's trades
 *     count then depends on the order the learner saw them, so these keys are not compared
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
    Map<String, Integer> perDay = new HashMap<>();
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
      String day =
          outcome.user()
              + '\u0000'
              + key
              + '\u0000'
              + outcome.exitTime().atOffset(ZoneOffset.UTC).toLocalDate();
      int counted = perDay.merge(day, 1, Integer::sum);
      if (counted > capPerDay) {
        capReached.add(key);
        continue;
      }
      community.merge(key, Counts.NONE.plus(win), Counts::plus);
    }
    return new Expectation(users, community, trades, waiting, duplicates, capReached);
  }
}
