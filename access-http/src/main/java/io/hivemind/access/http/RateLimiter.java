package io.hivemind.access.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per key, holding one second's worth of requests and refilled at the key's rate,
 * kept as the generic cell rate algorithm: one {@code long} per key, the time at which its bucket
 * will be full again, updated with compare-and-set, so request threads never lock. Pure: time comes
 * in as nanoseconds from any monotonic clock.
 *
 * <p>A bucket whose full-again time is {@link #idleAfterNanos} in the past is full and unused: it
 * is dropped by {@link #evictIdle}, and a new one would start full anyway, so memory is bounded by
 * the keys used recently (and buckets exist only for keys that authenticated). A request racing
 * with the eviction of its own bucket may be counted against the dropped one: at most one request
 * per race, and only for a key idle that long.
 */
final class RateLimiter {

  static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final ConcurrentMap<String, AtomicLong> fullAt = new ConcurrentHashMap<>();
  private final long idleAfterNanos;

  RateLimiter(long idleAfterNanos) {
    this.idleAfterNanos = idleAfterNanos;
  }

  /**
   * Takes one token from {@code key}'s bucket.
   *
   * @param perSecond the key's rate, and its burst (the bucket holds one second's worth)
   * @return 0 when the request may go ahead, else how many nanoseconds until one would
   */
  long acquire(String key, int perSecond, long nowNanos) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("a rate must be at least 1 per second");
    }
    long interval = NANOS_PER_SECOND / perSecond;
    AtomicLong bucket = fullAt.computeIfAbsent(key, k -> new AtomicLong(nowNanos));
    while (true) {
      long current = bucket.get();
      long next = Math.max(current, nowNanos) + interval;
      long over = next - nowNanos - NANOS_PER_SECOND;
      if (over > 0) {
        return over;
      }
      if (bucket.compareAndSet(current, next)) {
        return 0;
      }
    }
  }

  /** Drops the buckets that have been full and unused for the idle time; returns how many. */
  int evictIdle(long nowNanos) {
    int before = fullAt.size();
    fullAt.values().removeIf(bucket -> nowNanos - bucket.get() >= idleAfterNanos);
    return before - fullAt.size();
  }

  int size() {
    return fullAt.size();
  }
}
