package io.hivemind.access.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per key, refilled at the key's rate and holding at most its burst, kept as the
 * generic cell rate algorithm: one {@code long} per key, the time at which its bucket will be full
 * again, updated with compare-and-set, so request threads never lock. Pure: time comes in as
 * nanoseconds from any monotonic clock.
 *
 * <p>A token is one event: a request costs one, a batch of n events costs n. A charge larger than
 * the bucket can hold is taken from a full bucket, which it leaves in debt (nothing passes until
 * the rate has paid it back), so a batch bigger than the burst is slow, never impossible, and the
 * key still gets no more than its rate over time.
 *
 * <p>A bucket whose full-again time is {@link #idleAfterNanos} in the past is full and unused: it
 * is dropped by {@link #evictIdle}, and a new one would start full anyway, so memory is bounded by
 * the keys used recently (and buckets exist only for keys that authenticated). A request racing
 * with the eviction of its own bucket may be counted against the dropped one: at most one request
 * per race, and only for a key idle that long.
 */
public final class RateLimiter {

  static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final ConcurrentMap<String, AtomicLong> fullAt = new ConcurrentHashMap<>();
  private final long idleAfterNanos;

  public RateLimiter(long idleAfterNanos) {
    this.idleAfterNanos = idleAfterNanos;
  }

  /** One token from a bucket holding one second's worth: {@code acquire(key, 1, r, r, now)}. */
  long acquire(String key, int perSecond, long nowNanos) {
    return acquire(key, 1, perSecond, perSecond, nowNanos);
  }

  /**
   * Takes {@code cost} tokens from {@code key}'s bucket once it holds them, or, for a cost above
   * the burst, once it is full.
   *
   * @param perSecond the key's rate, in tokens per second
   * @param burst the most tokens the bucket holds
   * @return 0 when taken, else how many nanoseconds until they would be
   */
  long acquire(String key, int cost, int perSecond, int burst, long nowNanos) {
    check(cost, perSecond, burst);
    return take(key, cost, Math.min(cost, burst), 0, interval(perSecond), burst, nowNanos);
  }

  /**
   * One token from a bucket refilled one token every {@code intervalNanos} and holding at most
   * {@code burst}: a rate slower than one a second, such as a chat service's 20 messages a minute.
   *
   * @return 0 when taken, else how many nanoseconds until it would be
   */
  public long acquireEvery(String key, long intervalNanos, int burst, long nowNanos) {
    if (intervalNanos < 1 || burst < 1) {
      throw new IllegalArgumentException("an interval and a burst must be at least 1");
    }
    return take(key, 1, 1, 0, intervalNanos, burst, nowNanos);
  }

  /**
   * Takes the rest of a request's cost, one token of which its admission already took ({@link
   * #acquire(String, int, long)} before the body was read): {@code total - 1} tokens, on the same
   * terms as {@code acquire(key, total, …)} would have given the whole. The token taken stays spent
   * when the rest is refused (the request was read), so the wait returned is until the bucket holds
   * the whole charge again, which is what the request costs when it is sent again.
   */
  long acquireRest(String key, int total, int perSecond, int burst, long nowNanos) {
    check(total, perSecond, burst);
    if (total == 1) {
      return 0;
    }
    return take(
        key, total - 1, Math.min(total, burst) - 1, 1, interval(perSecond), burst, nowNanos);
  }

  private static void check(int cost, int perSecond, int burst) {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("a rate and a burst must be at least 1");
    }
    if (cost < 1) {
      throw new IllegalArgumentException("a charge must be at least 1 token");
    }
  }

  /**
   * Takes {@code cost} tokens if the bucket holds {@code need}; a refusal says how long until it
   * holds {@code need + retryExtra}.
   */
  private static long interval(int perSecond) {
    return NANOS_PER_SECOND / perSecond;
  }

  private long take(
      String key, int cost, int need, int retryExtra, long interval, int burst, long nowNanos) {
    long capacity = burst * interval;
    AtomicLong bucket = fullAt.computeIfAbsent(key, k -> new AtomicLong(nowNanos));
    while (true) {
      long current = bucket.get();
      long start = Math.max(current, nowNanos);
      // (start - now) is what the bucket lacks to be full, in time
      long over = start - nowNanos + need * interval - capacity;
      if (over > 0) {
        return over + retryExtra * interval;
      }
      if (bucket.compareAndSet(current, start + cost * interval)) {
        return 0;
      }
    }
  }

  /** Drops the buckets that have been full and unused for the idle time; returns how many. */
  public int evictIdle(long nowNanos) {
    int before = fullAt.size();
    fullAt.values().removeIf(bucket -> nowNanos - bucket.get() >= idleAfterNanos);
    return before - fullAt.size();
  }

  int size() {
    return fullAt.size();
  }
}
