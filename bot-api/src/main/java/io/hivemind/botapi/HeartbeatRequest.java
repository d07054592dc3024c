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
    @JsonProperty("force_close_ack") String forceCloseAck) {

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
}
