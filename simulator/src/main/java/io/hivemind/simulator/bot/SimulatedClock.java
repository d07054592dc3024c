package io.hivemind.simulator.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Maps simulated time onto real time at {@code speed} simulated seconds per real second. The
 * simulated range ends where the run starts ({@link #endingNow}): every event a bot stamps lies in
 * the past by the time it is sent, as a real bot's would, and within the service's 30-day window as
 * long as duration × speed stays below it.
 */
public final class SimulatedClock implements Timeline {

  private final Instant simulatedStart;
  private final Instant realStart;
  private final double speed;
  private final Clock wall;

  public SimulatedClock(Instant simulatedStart, Instant realStart, double speed, Clock wall) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, was " + speed);
    }
    this.simulatedStart = simulatedStart;
    this.realStart = realStart;
    this.speed = speed;
    this.wall = wall;
  }

  /**
   * A clock whose simulated range [now − duration × speed, now] plays out over {@code duration}.
   */
  public static SimulatedClock endingNow(Duration duration, double speed, Clock wall) {
    Instant now = wall.instant().truncatedTo(ChronoUnit.SECONDS);
    return new SimulatedClock(now.minus(scaled(duration, speed)), now, speed, wall);
  }

  /** {@code duration} of real time, in simulated time. */
  public static Duration scaled(Duration duration, double speed) {
    return Duration.ofMillis(Math.round(duration.toMillis() * speed));
  }

  public Instant simulatedStart() {
    return simulatedStart;
  }

  public double speed() {
    return speed;
  }

  public Instant simulatedNow() {
    return simulatedAt(wall.instant());
  }

  public Instant simulatedAt(Instant real) {
    long realMillis = Duration.between(realStart, real).toMillis();
    return simulatedStart.plusMillis(Math.round(realMillis * speed));
  }

  public Instant realAt(Instant simulated) {
    long simulatedMillis = Duration.between(simulatedStart, simulated).toMillis();
    return realStart.plusMillis(Math.round(simulatedMillis / speed));
  }

  /** Real time left until {@code simulated} is due; zero or negative when already due. */
  public Duration untilDue(Instant simulated) {
    return Duration.between(wall.instant(), realAt(simulated));
  }

  @Override
  public Instant wallClockAt(Instant simulated) {
    return wall.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
