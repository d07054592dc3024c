package io.hivemind.analytics.domain;

import io.hivemind.schema.Experience;
import java.time.Instant;

/**
 * One learned trade as the analytics sees it. A trade wins when the learner said so ({@code
 * Experience.win}: P&L above zero, learning-core's {@code TradeResult}); the analytics never
 * re-derives it.
 */
public record Trade(
    String userId,
    String signalId,
    String symbol,
    Instant entryTime,
    Instant exitTime,
    double pnl,
    boolean win,
    boolean privateUser) {

  public static Trade from(Experience experience) {
    return new Trade(
        experience.getUserId(),
        experience.getSignalId(),
        experience.getSymbol(),
        experience.getEntryTime(),
        experience.getExitTime(),
        experience.getPnl(),
        experience.getWin(),
        experience.getPrivateUser());
  }
}
