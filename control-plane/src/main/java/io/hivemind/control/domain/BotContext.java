package io.hivemind.control.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who is asking: a user, their tier when known, and the symbol a question is about (absent for a
 * bot's control stream, which covers all its symbols).
 */
public record BotContext(String userId, String tier, String symbol) {

  public BotContext {
    Objects.requireNonNull(userId, "userId");
  }

  /** The scopes whose settings apply, the fleet first. */
  List<Scope> scopes() {
    List<Scope> scopes = new ArrayList<>(4);
    scopes.add(Scope.GLOBAL);
    if (tier != null) {
      scopes.add(Scope.tier(tier));
    }
    scopes.add(Scope.user(userId));
    if (symbol != null) {
      scopes.add(Scope.symbol(symbol));
    }
    return scopes;
  }
}
