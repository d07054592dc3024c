package io.hivemind.simulator.bot;

import java.time.Instant;

/**
 * Relates simulated time to the wall clock, for what a bot stamps with real time: its heartbeats,
 * which say the bot is alive now, not when its simulated market was.
 */
public interface Timeline {

  /** Without a wall clock (an offline run), simulated time is the only time there is. */
  Timeline SIMULATED_ONLY = simulated -> simulated;

  /** The wall-clock time to stamp on a heartbeat due at {@code simulated}. */
  Instant wallClockAt(Instant simulated);
}
