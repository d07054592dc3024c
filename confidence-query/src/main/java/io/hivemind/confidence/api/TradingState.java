package io.hivemind.confidence.api;

/** The kill switch's states (DESIGN §8); only ACTIVE allows new entries. */
enum TradingState {
  ACTIVE,
  REDUCING,
  HALTED
}
