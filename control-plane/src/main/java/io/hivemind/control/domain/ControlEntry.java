package io.hivemind.control.domain;

import java.util.Objects;

/** A setting of a scope, with the command that set it. */
public record ControlEntry(Scope scope, Setting setting, Provenance provenance) {

  public ControlEntry {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(provenance, "provenance");
    if (setting instanceof Setting.Learning && !scope.equals(Scope.GLOBAL)) {
      throw new IllegalArgumentException("learning is paused and resumed for the whole fleet only");
    }
  }

  /** The record key on the control topic: {@code <scope>/<aspect>}. */
  public String key() {
    return keyOf(scope, setting.aspect());
  }

  public static String keyOf(Scope scope, Setting.Aspect aspect) {
    return scope + "/" + aspect.label();
  }
}
