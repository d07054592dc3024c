package io.hivemind.control.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is asking: a user, their tier when known, and the symbol a question is about (absent for a
 * bot's control stream, which covers all its symbols). Without a user it is the fleet-wide view.
 */
public record BotContext(String userId, String tier, String symbol) {

  public static final BotContext FLEET = new BotContext(null, null, null);

  /** The scopes whose settings apply, the fleet first. */
  List<Scope> scopes() {
    List<Scope> scopes = new ArrayList<>(4);
    scopes.add(Scope.GLOBAL);
    if (tier != null) {
      scopes.add(Scope.tier(tier));
    }
    if (userId != null) {
      scopes.add(Scope.user(userId));
    }
    if (symbol != null) {
      scopes.add(Scope.symbol(symbol));
    }
    return scopes;
  }
}
