package io.hivemind.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/outcomes}: the result of the trade a signal proposed (one per signal). */
public record OutcomeRequest(
    @JsonProperty("signal_id") String signalId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("symbol") String symbol,
    @JsonProperty("side") String side,
    @JsonProperty("entry_price") Double entryPrice,
    @JsonProperty("exit_price") Double exitPrice,
    @JsonProperty("entry_time") String entryTime,
    @JsonProperty("exit_time") String exitTime,
    @JsonProperty("contracts") Integer contracts,
    @JsonProperty("pnl") Double pnl,
    @JsonProperty("exit_reason") String exitReason) {}
