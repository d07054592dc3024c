package io.hivemind.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.gateway.kafka.Published;

/** The 202 answer to one event: the broker holds it at this partition and offset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Accepted(
    @JsonProperty("status") String status,
    @JsonProperty("signal_id") String signalId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("partition") int partition,
    @JsonProperty("offset") long offset) {

  static final String ACCEPTED = "accepted";

  static Accepted signalEvent(String signalId, Published published) {
    return new Accepted(ACCEPTED, signalId, null, published.partition(), published.offset());
  }

  static Accepted heartbeat(String userId, Published published) {
    return new Accepted(ACCEPTED, null, userId, published.partition(), published.offset());
  }
}
