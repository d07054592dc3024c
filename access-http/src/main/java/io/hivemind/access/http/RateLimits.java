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
 * This instance's rate limits: one {@link RateLimiter} bucket per key, at its tier's rate. Counted
 * per instance (ADR 9).
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
            "hivemind.rate-limit." + tier.wire() + " must be at least 1 request per second");
      }
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

  /** Empty when the request may go ahead, else how long until one of this key's would. */
  Optional<Duration> acquire(Principal principal) {
    long wait = limiter.acquire(principal.keyId(), perSecond(principal), System.nanoTime());
    return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
  }

  int perSecond(Principal principal) {
    return config.perSecond(principal.tier());
  }
}
