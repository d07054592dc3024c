package io.hivemind.gateway.api;

import io.hivemind.botapi.ScopeNames;
import io.hivemind.control.domain.BotContext;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * The one place that decides which user a request acts for, and in which tier. Today a bot names
 * itself with the body's {@code user_id} and its tier with {@value #TIER_HEADER}; when API keys
 * arrive, the key becomes the only source and a body naming another user is refused here, without
 * touching the resources.
 */
@RequestScoped
class CallerIdentity {

  static final String TIER_HEADER = "X-Hivemind-Tier";

  private final HttpServerRequest request;

  CallerIdentity(HttpServerRequest request) {
    this.request = request;
  }

  /** The user to key the request's records by, given the {@code user_id} the body claims. */
  String userIdFor(String claimedUserId) {
    return claimedUserId;
  }

  /** Whose trading state applies to this request, for {@code symbol} (null: all symbols). */
  BotContext botFor(String userId, String symbol) {
    return new BotContext(
        userId, ScopeNames.tier(TIER_HEADER, request.getHeader(TIER_HEADER)), symbol);
  }
}
