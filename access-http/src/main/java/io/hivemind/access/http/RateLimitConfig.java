package io.hivemind.access.http;

import io.hivemind.access.domain.Tier;
import io.smallrye.config.ConfigMapping;
import java.util.OptionalInt;

/**
 * Events per second per key, by the key's tier ({@code hivemind.rate-limit.*}): a request costs
 * one, a batch of n events n. A key's bucket holds {@link #burst} events, at least one second's
 * worth. Enforced by each service instance on its own (ADR 9). Values in the service's
 * application.properties.
 */
@ConfigMapping(prefix = "hivemind.rate-limit")
public interface RateLimitConfig {

  int basic();

  int pro();

  int elite();

  /**
   * The most events a key's bucket holds (what it may send at once after a pause), whatever its
   * tier; a tier whose rate is higher holds one second's worth. Absent: one second's worth.
   */
  OptionalInt burst();

  default int perSecond(Tier tier) {
    return switch (tier) {
      case BASIC -> basic();
      case PRO -> pro();
      case ELITE -> elite();
    };
  }

  default int burst(Tier tier) {
    return Math.max(perSecond(tier), burst().orElse(1));
  }
}
