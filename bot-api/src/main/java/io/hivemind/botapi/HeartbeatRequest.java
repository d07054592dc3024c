package io.hivemind.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /api/bots/heartbeat}: a bot saying it is alive (the seed pings every 60 s). */
public record HeartbeatRequest(
    @JsonProperty("user_id") String userId,
    @JsonProperty("bot_version") String botVersion,
    @JsonProperty("status") String status,
    @JsonProperty("open_positions") Integer openPositions,
    @JsonProperty("symbols") List<String> symbols,
    @JsonProperty("timestamp") String timestamp,
    @JsonProperty("force_close_ack") String forceCloseAck,
    @JsonProperty("bars") List<HeartbeatBar> bars) {

  /** A heartbeat without bars (bots before ADR 21, and every caller that has none to send). */
  public HeartbeatRequest(
      String userId,
      String botVersion,
      String status,
      Integer openPositions,
      List<String> symbols,
      String timestamp,
      String forceCloseAck) {
    this(userId, botVersion, status, openPositions, symbols, timestamp, forceCloseAck, null);
  }

  public static final String DEFAULT_STATUS = "RUNNING";

  public String statusOrDefault() {
    return status == null ? DEFAULT_STATUS : status;
  }

  public int openPositionsOrZero() {
    return openPositions == null ? 0 : openPositions;
  }

  public List<String> symbolsOrEmpty() {
    return symbols == null ? List.of() : symbols;
  }

  public List<HeartbeatBar> barsOrEmpty() {
    return bars == null ? List.of() : bars;
  }
}
