package io.hivemind.learning.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a model may know about a trade before it is taken: who asks, the market, when, what the bot
 * saw, and, once something detects it, the market's regime. The same for a question and for the
 * experience it becomes, so that a model is asked exactly what it learned from.
 *
 * @param side {@code LONG} or {@code SHORT}
 * @param time when the entry happens (or would): it decides the session of day
 * @param features what the bot saw, by name (rsi, vwap_z, atr, volume_ratio); missing or non-finite
 *     ones are left out
 * @param regime the symbol's market regime when known (trending, choppy, volatile, quiet), null
 *     when not: the hook for regime detection (issue 15 item 3). Nothing fills it yet.
 * @param privateUser a private user's trade teaches the model only that user's own offset, never
 *     the weights every user shares
 */
public record TradeContext(
    String userId,
    String symbol,
    String side,
    Instant time,
    Map<String, Double> features,
    String regime,
    boolean privateUser) {

  public TradeContext {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(time, "time");
    features = features == null ? Map.of() : Map.copyOf(features);
  }

  /** An ordinary user's trade in an unknown regime. */
  public TradeContext(
      String userId, String symbol, String side, Instant time, Map<String, Double> features) {
    this(userId, symbol, side, time, features, null, false);
  }

  public TradeContext withRegime(String regime) {
    return new TradeContext(userId, symbol, side, time, features, regime, privateUser);
  }
}
