package io.hivemind.simulator.strategy;

/** The direction of an entry, spelled as contract v1 spells {@code side}. */
public enum TradeSide {
  LONG,
  SHORT
}
