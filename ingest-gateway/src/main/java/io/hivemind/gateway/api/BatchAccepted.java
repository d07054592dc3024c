package io.hivemind.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 202 answer to {@code /api/events}: how many of each the broker acknowledged. */
public record BatchAccepted(
    @JsonProperty("status") String status,
    @JsonProperty("signals") int signals,
    @JsonProperty("outcomes") int outcomes,
    @JsonProperty("trading_state") String tradingState) {

  static BatchAccepted of(int signals, int outcomes, String tradingState) {
    return new BatchAccepted(Accepted.ACCEPTED, signals, outcomes, tradingState);
  }
}
