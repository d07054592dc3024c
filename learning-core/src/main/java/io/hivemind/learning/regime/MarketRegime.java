package io.hivemind.learning.regime;

import java.util.Locale;

/** The state a symbol's market is in, as the fleet's bars show it. */
public enum MarketRegime {
  /** Prices drift one way: a move tends to be followed by more of it. */
  TRENDING,
  /** Ordinary volatility, no drift: prices come back to their recent mean. */
  CHOPPY,
  /** Much larger moves (and volume) than the symbol's norm for that time of day. */
  VOLATILE,
  /** Much smaller moves (and volume) than the norm. */
  QUIET;

  /** The name used on the wire: lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
