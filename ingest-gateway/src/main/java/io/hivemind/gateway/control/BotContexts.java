package io.hivemind.gateway.control;

import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.ScopeNames;
import io.hivemind.botapi.Violation;
import io.hivemind.control.domain.BotContext;
import io.hivemind.control.domain.Scope;
import java.util.ArrayList;
import java.util.List;

/** Reads who a state question is about from query parameters, refusing names no scope can have. */
final class BotContexts {

  private BotContexts() {}

  static BotContext of(String userId, String tier, String symbol) {
    List<Violation> violations = new ArrayList<>();
    ScopeNames.check(violations, "user_id", Scope.Kind.USER, userId);
    ScopeNames.check(violations, "tier", Scope.Kind.TIER, tier);
    ScopeNames.check(violations, "symbol", Scope.Kind.SYMBOL, symbol);
    InvalidRequestException.throwIfAny(violations);
    return new BotContext(userId, tier, symbol);
  }
}
