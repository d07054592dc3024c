package io.hivemind.botapi;

import io.hivemind.control.domain.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks names that select a control scope (a user, a tier, a symbol) where a request gives them.
 */
public final class ScopeNames {

  private ScopeNames() {}

  /** Adds a violation for {@code field} when {@code value} is given and no scope can carry it. */
  public static void check(
      List<Violation> violations, String field, Scope.Kind kind, String value) {
    if (value == null) {
      return;
    }
    try {
      new Scope(kind, value);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(field, e.getMessage()));
    }
  }

  /** The tier a request names in {@code field}, or null; refuses a malformed one with 400. */
  public static String tier(String field, String tier) {
    List<Violation> violations = new ArrayList<>();
    check(violations, field, Scope.Kind.TIER, tier);
    InvalidRequestException.throwIfAny(violations);
    return tier;
  }
}
