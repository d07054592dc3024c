package io.hivemind.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code POST /api/signals}: a bot's proposed entry. Boxed types, so a missing field reads as
 * {@code null} and validation can name it instead of silently seeing a zero.
 */
public record SignalRequest(
    @JsonProperty("signal_id") String signalId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("symbol") String symbol,
    @JsonProperty("side") String side,
    @JsonProperty("price") Double price,
    @JsonProperty("timestamp") String timestamp,
    @JsonProperty("strategy") String strategy,
    @JsonProperty("features") Map<String, Double> features) {

  public static final String DEFAULT_STRATEGY = "vwap_rsi";

  /** The strategy the bot named, or the seed's VWAP/RSI strategy when it named none. */
  public String strategyOrDefault() {
    return strategy == null ? DEFAULT_STRATEGY : strategy;
  }

  public Map<String, Double> featuresOrEmpty() {
    return features == null ? Map.of() : features;
  }
}
