package io.hivemind.access.http;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.Principal;
import io.hivemind.access.domain.Role;
import io.hivemind.access.kafka.KeyMaterializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a request's {@code Authorization} header lets it in: a well-formed key, known to
 * this instance's copy of the key topic and not revoked, within its tier's rate (the request costs
 * one event; a batch pays for the rest of its events once it is read: {@link EventBudget}). The key
 * is looked up on every request, so a revocation applies as soon as the copy has it (one fetch,
 * well under the 5 s allowed). Nothing here logs or echoes what the caller sent.
 *
 * <p>It also knows which endpoints are open ({@code hivemind.access.open-paths}). It is created at
 * startup, so a malformed entry stops the service there rather than at its first request.
 */
@ApplicationScoped
class Gatekeeper {

  private static final String BEARER = "bearer ";

  /** The principal a request acts as, or the answer that refuses it. */
  sealed interface Admission {
    record Admitted(Principal principal) implements Admission {}

    record Refused(Response answer) implements Admission {}
  }

  private final KeyMaterializer keys;
  private final RateLimits limits;
  private final OpenPaths open;
  private final Duration retryAfter;
  private final Counter unauthenticated;
  private final Counter rateLimited;

  Gatekeeper(KeyMaterializer keys, RateLimits limits, AccessConfig config, MeterRegistry registry) {
    this.keys = keys;
    this.limits = limits;
    this.open = OpenPaths.parse(config.openPaths().orElse(List.of()));
    this.retryAfter = config.retryAfter();
    this.unauthenticated = refused(registry, "unauthenticated");
    this.rateLimited = refused(registry, "rate_limited");
  }

  static Counter refused(MeterRegistry registry, String reason) {
    return Counter.builder("hivemind.access.refused")
        .description("requests refused before they reached a resource, by why")
        .tag("reason", reason)
        .register(registry);
  }

  void checkAtStartup(@Observes Startup start) {
    // observing startup is what creates this bean, and with it parses the open paths
  }

  /** Whether {@code method} on {@code path} (relative to the application root) needs no key. */
  boolean isOpen(String method, String path) {
    return open.isOpen(method, path);
  }

  Admission admit(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return unauthenticated(AccessProblems.missingKey());
    }
    Optional<String> presented = bearerToken(authorization);
    if (presented.isEmpty() || ApiKey.parse(presented.get()).isEmpty()) {
      return unauthenticated(
          AccessProblems.invalidKey(
              "the Authorization header must be Bearer hm_<key id>_<secret>"));
    }
    if (!keys.isCaughtUp()) {
      // Not only unknown keys: until every key record is read, a known key's revocation may be
      // among the unread ones.
      return new Admission.Refused(AccessProblems.keysLoading(retryAfter));
    }
    Optional<Principal> principal = keys.authenticate(presented.get());
    if (principal.isEmpty()) {
      return unauthenticated(AccessProblems.invalidKey("the API key is unknown or was revoked"));
    }
    Principal caller = principal.get();
    if (!caller.has(Role.BOT)) {
      // every role covers bot today; a role below it would be refused here, not let through
      return new Admission.Refused(AccessProblems.roleTooLow(Role.BOT, caller.role()));
    }
    Optional<Duration> wait = limits.acquire(caller);
    if (wait.isPresent()) {
      rateLimited.increment();
      return new Admission.Refused(
          AccessProblems.rateLimited(
              limits.perSecond(caller), limits.burst(caller), 1, wait.get()));
    }
    return new Admission.Admitted(caller);
  }

  private Admission unauthenticated(Response answer) {
    unauthenticated.increment();
    return new Admission.Refused(answer);
  }

  /** The credentials of {@code Bearer <token>}; the scheme is case-insensitive (RFC 9110 §11.1). */
  static Optional<String> bearerToken(String header) {
    String trimmed = header.trim();
    if (trimmed.length() <= BEARER.length()
        || !trimmed.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    return Optional.of(trimmed.substring(BEARER.length()).trim());
  }
}
