package io.hivemind.access.http;

import io.hivemind.access.domain.Tier;
import io.smallrye.config.ConfigMapping;

/**
 * Requests per second per key, by the key's tier ({@code hivemind.rate-limit.*}); a key may burst
 * one second's worth. Enforced by each service instance on its own (ADR 9). Values in the service's
 * application.properties.
 */
@ConfigMapping(prefix = "hivemind.rate-limit")
public interface RateLimitConfig {

  int basic();

  int pro();

  int elite();

  default int perSecond(Tier tier) {
    return switch (tier) {
      case BASIC -> basic();
      case PRO -> pro();
      case ELITE -> elite();
    };
  }
}
