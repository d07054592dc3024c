package io.hivemind.simulator.world;

import io.hivemind.botapi.HeartbeatBar;
import java.time.Instant;
import java.util.List;

/** The closed one-minute bars of a bot's symbols that its next heartbeat reports (ADR 21). */
public interface BarFeed {

  /** A bot that reports no bars. */
  BarFeed NONE = (after, upTo) -> List.of();

  /** Bars closed by {@code upTo} starting after {@code after} (null: the most recent ones). */
  List<HeartbeatBar> closedBetween(Instant after, Instant upTo);
}
