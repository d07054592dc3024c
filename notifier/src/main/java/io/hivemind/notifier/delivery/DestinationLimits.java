package io.hivemind.notifier.delivery;

import io.hivemind.access.http.RateLimiter;
import io.hivemind.notifier.subscription.Destination;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How fast one destination is sent to, so that the services' own limits are never what slows a
 * delivery down (a 429 still pushes the next attempt back by its {@code Retry-After}):
 *
 * <ul>
 *   <li>Discord: 5 requests per 2 s per webhook and 30 messages a minute per channel: a burst of 5,
 *       then one every 2 s;
 *   <li>Slack: one message a second per incoming webhook, short bursts allowed: 3, then one a
 *       second;
 *   <li>Telegram: one message a second per chat, 20 a minute in a group: 3, then one every 3 s;
 *   <li>an email address: 5, then one a second;
 *   <li>a generic webhook: configurable, 10 a second by default.
 * </ul>
 */
public final class DestinationLimits {

  /** A bucket: one token every {@code interval}, at most {@code burst} at once. */
  public record Rate(Duration interval, int burst) {}

  public static Map<Destination.Kind, Rate> defaults(Rate webhook) {
    Map<Destination.Kind, Rate> rates = new EnumMap<>(Destination.Kind.class);
    rates.put(Destination.Kind.WEBHOOK, webhook);
    rates.put(Destination.Kind.DISCORD, new Rate(Duration.ofSeconds(2), 5));
    rates.put(Destination.Kind.SLACK, new Rate(Duration.ofSeconds(1), 3));
    rates.put(Destination.Kind.TELEGRAM, new Rate(Duration.ofSeconds(3), 3));
    rates.put(Destination.Kind.EMAIL, new Rate(Duration.ofSeconds(1), 5));
    return rates;
  }

  private final Map<Destination.Kind, Rate> rates;
  private final RateLimiter limiter = new RateLimiter(Duration.ofMinutes(10).toNanos());

  public DestinationLimits(Map<Destination.Kind, Rate> rates) {
    this.rates = new EnumMap<>(rates);
  }

  /** Takes one send from {@code destination}'s bucket: 0, or the nanoseconds until it may. */
  public long acquire(Destination destination, long nowNanos) {
    Rate rate = rates.get(destination.kind());
    return limiter.acquireEvery(
        destination.limitKey(), rate.interval().toNanos(), rate.burst(), nowNanos);
  }

  /** Forgets the buckets of destinations unused for ten minutes. */
  public void evictIdle(long nowNanos) {
    limiter.evictIdle(nowNanos);
  }
}
