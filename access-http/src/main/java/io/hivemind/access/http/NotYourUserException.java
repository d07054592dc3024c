package io.hivemind.access.http;

import io.hivemind.botapi.Violation;
import java.util.List;

/** A request names a user its key does not belong to: answered 403 naming each such field. */
public class NotYourUserException extends RuntimeException {

  private final transient List<Violation> violations;

  public NotYourUserException(List<Violation> violations) {
    super(violations.size() + " field(s) name another user, first: " + violations.get(0).field());
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  /** Throws when any field named another user; the usual last step of binding a request. */
  public static void throwIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new NotYourUserException(violations);
    }
  }
}
