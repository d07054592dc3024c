package io.hivemind.gateway.control;

import io.hivemind.botapi.InvalidRequestException;
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
    check(violations, "user_id", userId, Scope.Kind.USER);
    check(violations, "tier", tier, Scope.Kind.TIER);
    check(violations, "symbol", symbol, Scope.Kind.SYMBOL);
    InvalidRequestException.throwIfAny(violations);
    return new BotContext(userId, tier, symbol);
  }

  private static void check(
      List<Violation> violations, String field, String value, Scope.Kind kind) {
    if (value == null) {
      return;
    }
    try {
      new Scope(kind, value);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(field, e.getMessage()));
    }
  }
}
