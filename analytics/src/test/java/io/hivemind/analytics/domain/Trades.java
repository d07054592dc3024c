package io.hivemind.analytics.domain;

import java.time.Instant;

/** Trades for tests: entered five minutes before the exit, on ES unless said. */
final class Trades {

  private Trades() {}

  static Trade trade(String user, String id, double pnl, Instant exit) {
    return trade(user, id, "ES", pnl, exit, false);
  }

  static Trade trade(
      String user, String id, String symbol, double pnl, Instant exit, boolean privateUser) {
    return new Trade(user, id, symbol, exit.minusSeconds(300), exit, pnl, pnl > 0, privateUser);
  }
}
