package io.hivemind.simulator.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * What a simulation is: its seed, how many bots, the simulated time range their signals fall in,
 * and how often a bot takes a trade the service advised against, to keep learning about it.
 *
 * @param explore the share of below-threshold opportunities a bot takes anyway (exploration)
 */
public record FleetSettings(long seed, int bots, Instant start, Instant end, double explore) {

  public static final double DEFAULT_EXPLORE = 0.1;

  public FleetSettings {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (bots < 1) {
      throw new IllegalArgumentException("bots must be at least 1, was " + bots);
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
    if (!(explore >= 0 && explore <= 1)) {
      throw new IllegalArgumentException("explore must be in [0, 1], was " + explore);
    }
  }

  public static FleetSettings of(long seed, int bots, Instant start, Instant end) {
    return new FleetSettings(seed, bots, start, end, DEFAULT_EXPLORE);
  }
}
