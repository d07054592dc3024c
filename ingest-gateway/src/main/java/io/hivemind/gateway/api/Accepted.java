package io.hivemind.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.botapi.TradingStatus;
import io.hivemind.gateway.kafka.Published;

/** The 202 answer to one event: the broker holds it at this partition and offset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Accepted(
    @JsonProperty("status") String status,
    @JsonProperty("signal_id") String signalId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("partition") int partition,
    @JsonProperty("offset") long offset,
    @JsonProperty("trading_state") String tradingState,
    @JsonProperty("control") TradingStatus control) {

  static final String ACCEPTED = "accepted";

  /** A signal or outcome: with the trading state the bot is under for its symbol. */
  static Accepted signalEvent(String signalId, Published published, TradingStatus status) {
    return new Accepted(
        ACCEPTED,
        signalId,
        null,
        published.partition(),
        published.offset(),
        status.tradingState(),
        null);
  }

  /** A heartbeat: with the bot's whole status, force-close order included. */
  static Accepted heartbeat(String userId, Published published, TradingStatus status) {
    return new Accepted(
        ACCEPTED,
        null,
        userId,
        published.partition(),
        published.offset(),
        status.tradingState(),
        status);
  }
}
