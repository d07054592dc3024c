package io.hivemind.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One symbol's last closed one-minute bar in a heartbeat: {@code minute} is the minute's start
 * (ISO-8601, on a whole minute), {@code close} its last price, {@code volume} the contracts traded
 * in it. The server reads market regimes from these (ADR 21).
 */
public record HeartbeatBar(
    @JsonProperty("symbol") String symbol,
    @JsonProperty("minute") String minute,
    @JsonProperty("close") Double close,
    @JsonProperty("volume") Double volume) {}
