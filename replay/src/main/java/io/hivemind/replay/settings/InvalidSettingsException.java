package io.hivemind.replay.settings;

import java.util.List;
import java.util.stream.Collectors;

/** The settings cannot be replayed: every reason, each naming its field. */
public final class InvalidSettingsException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidSettingsException(List<Violation> violations) {
    super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public InvalidSettingsException(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
