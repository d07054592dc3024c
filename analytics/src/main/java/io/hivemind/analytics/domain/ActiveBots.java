package io.hivemind.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Bots alive now: users whose latest heartbeat is within the active window before {@code now}. One
 * bot per user, as the gateway's roster counts them (a heartbeat carries the user, not a bot id).
 * The default window is the gateway's ({@code hivemind.control.active-window}, 3 minutes).
 */
public final class ActiveBots {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(3);

  private ActiveBots() {}

  /**
   * @param lastHeartbeats each user's latest heartbeat time (epoch millis)
   */
  public static long count(Map<String, Long> lastHeartbeats, Instant now, Duration window) {
    long since = now.minus(window).toEpochMilli();
    long until = now.toEpochMilli();
    return lastHeartbeats.values().stream().filter(t -> t >= since && t <= until).count();
  }
}
