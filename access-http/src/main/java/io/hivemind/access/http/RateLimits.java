package io.hivemind.access.http;

import io.hivemind.access.domain.Principal;
import io.hivemind.access.domain.Tier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This instance's rate limits: one {@link RateLimiter} bucket per key, at its tier's rate in events
 * per second. Counted per instance (ADR 9).
 */
@ApplicationScoped
class RateLimits {

  /** A key unused for this long has a full bucket that is dropped. */
  static final Duration IDLE = Duration.ofMinutes(1);

  private final RateLimitConfig config;
  private final RateLimiter limiter = new RateLimiter(IDLE.toNanos());
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-sweeper");
            thread.setDaemon(true);
            return thread;
          });

  RateLimits(RateLimitConfig config) {
    this.config = config;
    for (Tier tier : Tier.values()) {
      if (config.perSecond(tier) < 1) {
        throw new IllegalArgumentException(
            "hivemind.rate-limit." + tier.wire() + " must be at least 1 event per second");
      }
    }
    if (config.burst().isPresent() && config.burst().getAsInt() < 1) {
      throw new IllegalArgumentException("hivemind.rate-limit.burst must be at least 1 event");
    }
  }

  /** Created at startup: a rate below one stops the service there, not at its first request. */
  void start(@Observes Startup start) {
    sweeper.scheduleWithFixedDelay(
        () -> limiter.evictIdle(System.nanoTime()),
        IDLE.toMillis(),
        IDLE.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    sweeper.shutdownNow();
  }

  /** One event, for a request: empty when it may go ahead, else how long until it would. */
  Optional<Duration> acquire(Principal principal) {
    return waitOf(
        limiter.acquire(
            principal.keyId(), 1, perSecond(principal), burst(principal), System.nanoTime()));
  }

  /**
   * The rest of a request that carries {@code events} events, its first paid by {@link #acquire}:
   * empty when it may go ahead, else how long until the whole request would.
   */
  Optional<Duration> acquireRest(Principal principal, int events) {
    return waitOf(
        limiter.acquireRest(
            principal.keyId(), events, perSecond(principal), burst(principal), System.nanoTime()));
  }

  private static Optional<Duration> waitOf(long nanos) {
    return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
  }

  int perSecond(Principal principal) {
    return config.perSecond(principal.tier());
  }

  int burst(Principal principal) {
    return config.burst(principal.tier());
  }
}
