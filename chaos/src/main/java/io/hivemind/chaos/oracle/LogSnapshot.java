package io.hivemind.chaos.oracle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the topics hold, read by the oracle itself (committed records only): the bots' signals and
 * outcomes as the gateway stored them, and what the learner made of them.
 *
 * @param userLevel0 each user's level-0 statistics (one per symbol and side: every trade counts
 *     there), latest value per key
 * @param communityLevel0 the community's level-0 statistics, latest value per key
 */
public record LogSnapshot(
    List<LoggedSignal> signals,
    List<LoggedOutcome> outcomes,
    List<LoggedExperience> experiences,
    Map<UserKey, Counts> userLevel0,
    Map<CommunityKey, Counts> communityLevel0) {

  /** A signal as stored, in log order per user. */
  public record LoggedSignal(String user, String signalId) {}

  /** An outcome as stored, in log order per user. */
  public record LoggedOutcome(
      String user,
      String signalId,
      String symbol,
      String side,
      double pnl,
      Instant exitTime,
      boolean privateUser) {}

  /** An experience the learner wrote. */
  public record LoggedExperience(String user, String signalId, boolean signalMatched) {}

  public record UserKey(String user, String symbol, String side) {}

  public record CommunityKey(String symbol, String side) {}

  /** Trades and wins of one statistic. */
  public record Counts(long trades, long wins) {

    public static final Counts NONE = new Counts(0, 0);

    Counts plus(boolean win) {
      return new Counts(trades + 1, wins + (win ? 1 : 0));
    }

    Counts plus(Counts other) {
      return new Counts(trades + other.trades, wins + other.wins);
    }
  }
}
