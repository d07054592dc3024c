package io.hivemind.analytics.domain;

import io.hivemind.schema.Experience;
import java.time.Instant;
import java.util.List;

/**
 * One learned trade as the analytics sees it. A trade wins when the learner said so ({@code
 * Experience.win}: P&L above zero, learning-core's {@code TradeResult}); the analytics never
 * re-derives it.
 *
 * @param patterns the pattern keys the learner matched, index = level ({@code Experience.patterns},
 *     learning-core's {@code PatternScheme}: {@code v1}, {@code v1/mid}, {@code v1/mid/rsi6/vz-5})
 */
public record Trade(
    String userId,
    String signalId,
    String symbol,
    Instant entryTime,
    Instant exitTime,
    double pnl,
    boolean win,
    boolean privateUser,
    List<String> patterns) {

  public Trade {
    patterns = patterns == null ? List.of() : List.copyOf(patterns);
  }

  /** A trade without patterns (an experience learned under no scheme, or a test). */
  public Trade(
      String userId,
      String signalId,
      String symbol,
      Instant entryTime,
      Instant exitTime,
      double pnl,
      boolean win,
      boolean privateUser) {
    this(userId, signalId, symbol, entryTime, exitTime, pnl, win, privateUser, List.of());
  }

  /**
   * The strategies the trade counts for: its patterns above level 0. Level 0 is the scheme's
   * version alone ({@code v1}), which every trade of the scheme matches: a "strategy" that says
   * nothing.
   */
  public List<String> strategies() {
    return patterns.size() <= 1 ? List.of() : patterns.subList(1, patterns.size());
  }

  public static Trade from(Experience experience) {
    return new Trade(
        experience.getUserId(),
        experience.getSignalId(),
        experience.getSymbol(),
        experience.getEntryTime(),
        experience.getExitTime(),
        experience.getPnl(),
        experience.getWin(),
        experience.getPrivateUser(),
        experience.getPatterns());
  }
}
