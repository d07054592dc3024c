package io.hivemind.control.domain;

/** One reason a bot may not trade freely: which scope, how restrictive, and why. */
public record Restriction(Scope scope, TradingState state, Cause cause, String reason) {

  public enum Cause {
    /** Set by hand: pause, halt, pause_all. */
    MANUAL(TradingState.REDUCING),
    /** Maintenance mode is on. */
    MAINTENANCE(TradingState.HALTED),
    /** Inside a scheduled maintenance window. */
    MAINTENANCE_WINDOW(TradingState.HALTED),
    /** Outside the scope's trading hours. */
    OUTSIDE_TRADING_HOURS(TradingState.REDUCING);

    private final TradingState impliedState;

    Cause(TradingState impliedState) {
      this.impliedState = impliedState;
    }

    /** The state this cause implies, except MANUAL, which carries its own. */
    TradingState impliedState() {
      return impliedState;
    }
  }
}
