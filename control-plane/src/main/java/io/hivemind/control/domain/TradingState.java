package io.hivemind.control.domain;

/** What a bot may do, from least to most restrictive (the declaration order is the grading). */
public enum TradingState {
  /** New entries and exits. */
  ACTIVE,
  /** No new entries; exits and position management only. */
  REDUCING,
  /** Nothing. */
  HALTED;

  public TradingState mostRestrictive(TradingState other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public boolean allowsEntries() {
    return this == ACTIVE;
  }
}
