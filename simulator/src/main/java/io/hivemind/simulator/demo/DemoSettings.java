package io.hivemind.simulator.demo;

import io.hivemind.schema.KafkaEnvironment;
import io.hivemind.simulator.fleet.FleetSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a demo run (or a chaos drill's fleet) is asked to do, as {@code ./hivemind demo} checked it.
 * Live, the simulated range ends now and spans duration × speed, so that range must stay inside the
 * 30 days the service accepts events for ({@link #MAX_SIMULATED_RANGE}); offline, {@code from}/
 * {@code to} give the range explicitly, which is what makes two runs byte-identical.
 *
 * @param eventsOut where every event sent is also written, one JSON line each, or null
 * @param from the offline range's start, or null: the duration times the speed, ending now
 * @param to the offline range's end, or null: now, to the minute
 * @param kafka where a live run mints its bots' keys
 */
public record DemoSettings(
    int bots,
    Duration duration,
    double speed,
    long seed,
    URI gateway,
    URI query,
    Path eventsOut,
    boolean offline,
    Instant from,
    Instant to,
    double explore,
    Duration heartbeatEvery,
    KafkaEnvironment kafka) {

  public static final int DEFAULT_BOTS = 50;

  /**
   * 4 simulated hours per real second: a minute plays 10 trading-calendar days, which for 50 bots
   * is about 7,500 opportunities and 3,000 to 4,000 trades (with the service's answers near the
   * community prior, about half are taken).
   */
  public static final double DEFAULT_SPEED = 14_400;

  /** Live runs keep their simulated range this far inside the service's 30-day window. */
  public static final Duration MAX_SIMULATED_RANGE = Duration.ofDays(28);

  public static final int MAX_BOTS = 10_000;

  /** The divergence table's size: users by patterns. */
  static final int GRID_USERS = 5;

  static final int GRID_PATTERNS = 4;

  /** The fleet to simulate, for a simulated range [start, end]. */
  FleetSettings fleetSettings(Instant start, Instant end) {
    return new FleetSettings(seed, bots, start, end, explore);
  }

  /** Simulated time between heartbeats: the real interval at the run's speed. */
  Duration simulatedHeartbeat() {
    return Duration.ofMillis(Math.max(1000, Math.round(heartbeatEvery.toMillis() * speed)));
  }

  /** The offline range: explicit, or the duration times the speed ending now (to the minute). */
  public Instant offlineFrom(Instant now) {
    return from != null ? from : offlineTo(now).minus(simulatedRange(duration, speed));
  }

  public Instant offlineTo(Instant now) {
    return to != null ? to : now.truncatedTo(ChronoUnit.MINUTES);
  }

  /** The simulated time a run of {@code duration} at {@code speed} plays. */
  public static Duration simulatedRange(Duration duration, double speed) {
    return Duration.ofMillis(Math.round(duration.toMillis() * speed));
  }

  /**
   * The default speed for a run of {@code duration}: {@link #DEFAULT_SPEED}, or slower when the
   * duration would take the simulated range past {@link #MAX_SIMULATED_RANGE}.
   */
  public static double defaultSpeed(Duration duration) {
    double fitting = MAX_SIMULATED_RANGE.toMillis() / (double) duration.toMillis();
    return Math.min(DEFAULT_SPEED, Math.floor(fitting));
  }
}
