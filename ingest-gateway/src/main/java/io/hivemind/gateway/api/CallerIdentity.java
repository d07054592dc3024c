package io.hivemind.gateway.api;

import jakarta.enterprise.context.RequestScoped;

/**
 * The one place that decides which user a request acts for. Today a bot names itself with the
 * body's {@code user_id}; when API keys arrive, the key becomes the only source and a body naming
 * another user is refused here, without touching the resources.
 */
@RequestScoped
class CallerIdentity {

  /** The user to key the request's records by, given the {@code user_id} the body claims. */
  String userIdFor(String claimedUserId) {
    return claimedUserId;
  }
}
