package io.hivemind.rules.answer;

import io.hivemind.schema.Side;
import java.time.Instant;
import java.util.Map;

/**
 * A bot's question: how likely is this entry to win?
 *
 * @param features what the bot saw (RSI, VWAP distance, …); the pattern scheme picks what it uses
 * @param time when the entry would happen; it decides the session of day in the pattern
 */
public record ConfidenceQuery(
    String userId, String symbol, Side side, Map<String, Double> features, Instant time) {

  public ConfidenceQuery {
    features = Map.copyOf(features);
  }
}
