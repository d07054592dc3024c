package io.hivemind.botapi;

import java.util.List;

/** A request broke contract v1; answered 400 with every violation. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidRequestException(List<Violation> violations) {
    super(violations.size() + " invalid field(s), first: " + first(violations));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  /** Throws when there is anything to complain about; the usual last step of validation. */
  public static void throwIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static String first(List<Violation> violations) {
    return violations.isEmpty() ? "none" : violations.get(0).field();
  }
}
