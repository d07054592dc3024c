package io.hivemind.rules.answer;

import io.hivemind.schema.Side;
import java.time.Instant;
import java.util.Map;

/**
 * A bot's question: how likely is this entry to win?
 *
 * @param features what the bot saw (RSI, VWAP distance, …); the pattern scheme picks what it uses
 * @param time when the entry would happen; it decides the session of day in the pattern
 * @param privateUser the asking user is private: the answer draws nothing from the community (and
 *     reports no community trades)
 */
public record ConfidenceQuery(
    String userId,
    String symbol,
    Side side,
    Map<String, Double> features,
    Instant time,
    boolean privateUser) {

  public ConfidenceQuery {
    features = Map.copyOf(features);
  }

  /** An ordinary (not private) user's question. */
  public ConfidenceQuery(
      String userId, String symbol, Side side, Map<String, Double> features, Instant time) {
    this(userId, symbol, side, features, time, false);
  }

  /** This question, asked by a private user ({@code true}) or an ordinary one. */
  public ConfidenceQuery withPrivateUser(boolean privateUser) {
    return new ConfidenceQuery(userId, symbol, side, features, time, privateUser);
  }
}
