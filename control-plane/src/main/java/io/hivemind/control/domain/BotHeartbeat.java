package io.hivemind.control.domain;

import java.time.Instant;
import java.util.List;

/** The latest heartbeat of one bot. {@code forceCloseAck} is null until it carried one out. */
public record BotHeartbeat(
    String userId,
    String botVersion,
    String status,
    int openPositions,
    List<String> symbols,
    Instant at,
    String forceCloseAck) {

  public BotHeartbeat {
    symbols = List.copyOf(symbols);
  }
}
