package io.hivemind.access.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Charges a request that carries several events for all of them, against the same bucket that
 * admitted it ({@link RateLimits}): its admission took one event before the body was read, this
 * takes the rest once the body is read and valid, before anything of it is sent. A batch of n
 * events thus costs what n single requests would.
 */
@ApplicationScoped
public class EventBudget {

  private final RateLimits limits;
  private final Caller caller;
  private final Counter rateLimited;

  EventBudget(RateLimits limits, Caller caller, MeterRegistry registry) {
    this.limits = limits;
    this.caller = caller;
    this.rateLimited = Gatekeeper.refused(registry, "rate_limited");
  }

  /**
   * Spends {@code events} of the calling key's budget, one of which its admission spent.
   *
   * @throws RateLimitedException when the key's bucket does not hold them (answered 429 with {@code
   *     Retry-After}: how long until it holds the whole request)
   */
  public void spend(int events) {
    Optional<Duration> wait = limits.acquireRest(caller.principal(), events);
    if (wait.isPresent()) {
      rateLimited.increment();
      throw new RateLimitedException(
          AccessProblems.rateLimited(
              limits.perSecond(caller.principal()),
              limits.burst(caller.principal()),
              events,
              wait.get()));
    }
  }
}
