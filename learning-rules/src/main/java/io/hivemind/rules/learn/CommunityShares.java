package io.hivemind.rules.learn;

import io.hivemind.schema.CommunityDelta;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.Experience;
import io.hivemind.schema.StatsKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One user's say in the community. Each user counts in a community statistic with at most {@code
 * capPerDay} trades per UTC day of the trade's exit (the influence cap: 10,000 wins posted in a day
 * weigh as much as {@code capPerDay}); the first trade a user ever counts in a statistic makes them
 * one more of its distinct contributors (what k-anonymity is decided on). The rest of the user's
 * trades still count, in full, in their own statistics.
 *
 * <p>What a user has counted in a statistic is one {@code long} per (user, statistic), kept where
 * the user's own statistics are (the same key): the day in the high half, that day's count in the
 * low half. A trade of a day earlier than the one kept (a late outcome) counts against the day
 * kept, so lateness never resets the budget. The live learner keeps it in a state store of the
 * user's task, the replay in a map; both call {@link #contribute} in the user's log order, so both
 * count the same trades.
 */
public final class CommunityShares {

  /** Where the shares are kept: a state store live, a map in a replay. */
  public interface Ledger {

    /** What {@code key}'s user has counted in its community statistic, or null: nothing yet. */
    Long get(StatsKey key);

    void put(StatsKey key, long share);

    /** A ledger in {@code shares}: a replay's. */
    static Ledger in(Map<StatsKey, Long> shares) {
      return new Ledger() {
        @Override
        public Long get(StatsKey key) {
          return shares.get(key);
        }

        @Override
        public void put(StatsKey key, long share) {
          shares.put(key, share);
        }
      };
    }
  }

  private final int capPerDay;

  public CommunityShares(int capPerDay) {
    if (capPerDay < 1) {
      throw new IllegalArgumentException("capPerDay must be >= 1, was " + capPerDay);
    }
    this.capPerDay = capPerDay;
  }

  public int capPerDay() {
    return capPerDay;
  }

  /**
   * The community statistics {@code experience} counts in after the cap, each with whether it is
   * the user's first there; records the shares spent in {@code ledger}. None for a private user.
   */
  public List<KeyedContribution> contribute(Experience experience, Ledger ledger) {
    List<CommunityStatsKey> community = StatsUpdates.communityKeys(experience);
    if (community.isEmpty()) {
      return List.of();
    }
    List<StatsKey> own = StatsUpdates.userKeys(experience);
    long day = epochDay(experience.getExitTime());
    List<KeyedContribution> counted = new ArrayList<>(community.size());
    for (int level = 0; level < community.size(); level++) {
      StatsKey shareKey = own.get(level);
      Long kept = ledger.get(shareKey);
      if (kept == null) {
        ledger.put(shareKey, pack(day, 1));
        counted.add(new KeyedContribution(community.get(level), contribution(experience, true)));
        continue;
      }
      long keptDay = kept >>> 32;
      int keptCount = (int) (long) kept;
      if (day > keptDay) {
        ledger.put(shareKey, pack(day, 1));
      } else if (keptCount < capPerDay) {
        ledger.put(shareKey, pack(keptDay, keptCount + 1));
      } else {
        continue; // this user's share of the statistic for the day is spent
      }
      counted.add(new KeyedContribution(community.get(level), contribution(experience, false)));
    }
    return counted;
  }

  /** A community statistic's key and what goes into it. */
  public record KeyedContribution(CommunityStatsKey key, CommunityDelta contribution) {}

  /** Only what a community statistic learns from the experience: its result and its time. */
  private static CommunityDelta contribution(Experience experience, boolean first) {
    return new CommunityDelta(experience.getPnl(), experience.getExitTime(), first);
  }

  private static long epochDay(Instant time) {
    return Math.max(0, time.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay());
  }

  private static long pack(long day, int count) {
    return (day << 32) | (count & 0xFFFF_FFFFL);
  }
}
