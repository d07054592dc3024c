package io.hivemind.rules.answer;

import io.hivemind.learning.stats.PnlEstimate;
import io.hivemind.schema.WinStats;
import java.util.Optional;

/**
 * A proposed trade, simulated: its confidence answer and the P&amp;L expected of it, read from the
 * trades most like it that the answer may show.
 *
 * <p>Whose trades: the user's own at the question's deepest pattern once they are {@link
 * #OWN_TRADES} or more (a user's P&amp;L depends on their own sizing, so enough of their own trades
 * say most about theirs); otherwise the community's at the level the answer shows (k-anonymous:
 * only a level with enough users other than the asker is ever read); otherwise the user's own,
 * however few; with fewer than two trades, none. The P&amp;L sums are all-time (not decayed); the
 * community's hold each user's trades up to the influence cap, as its win counts do.
 *
 * @param pnl the mean P&amp;L and its interval at the answer's level; empty when {@code source} is
 *     {@link Source#NONE}
 */
public record TradeSimulation(ConfidenceAnswer answer, Optional<PnlEstimate> pnl, Source source) {

  /** Enough of a user's own trades at a pattern for their own P&amp;L to be the one expected. */
  public static final long OWN_TRADES = 30;

  /** Whose trades the expected P&amp;L is read from. */
  public enum Source {
    USER,
    COMMUNITY,
    NONE
  }

  static TradeSimulation of(
      ConfidenceAnswer answer, Optional<WinStats> own, Optional<WinStats> community) {
    double level = answer.confidence().level();
    if (own.filter(s -> s.getTrades() >= OWN_TRADES).isPresent()) {
      return new TradeSimulation(answer, estimate(own.get(), level), Source.USER);
    }
    Optional<PnlEstimate> shared = community.flatMap(s -> estimate(s, level));
    if (shared.isPresent()) {
      return new TradeSimulation(answer, shared, Source.COMMUNITY);
    }
    Optional<PnlEstimate> few = own.flatMap(s -> estimate(s, level));
    return few.isPresent()
        ? new TradeSimulation(answer, few, Source.USER)
        : new TradeSimulation(answer, Optional.empty(), Source.NONE);
  }

  private static Optional<PnlEstimate> estimate(WinStats stats, double level) {
    return PnlEstimate.of(stats.getTrades(), stats.getPnlSum(), stats.getPnlSumSquares(), level);
  }
}
