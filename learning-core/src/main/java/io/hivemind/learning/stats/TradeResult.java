package io.hivemind.learning.stats;

import java.time.Instant;

/** What one finished trade contributes to statistics. A trade wins when its P&L is positive. */
public record TradeResult(double pnl, Instant time) {

  public boolean win() {
    return pnl > 0;
  }
}
