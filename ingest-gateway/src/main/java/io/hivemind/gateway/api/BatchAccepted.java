package io.hivemind.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 202 answer to {@code /api/events}: how many of each the broker acknowledged. */
public record BatchAccepted(
    @JsonProperty("status") String status,
    @JsonProperty("signals") int signals,
    @JsonProperty("outcomes") int outcomes) {

  static BatchAccepted of(int signals, int outcomes) {
    return new BatchAccepted(Accepted.ACCEPTED, signals, outcomes);
  }
}
