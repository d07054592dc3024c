package io.hivemind.control.domain;

import java.time.Instant;
import java.util.Objects;

/** Which command set a setting, when, who issued it and why. */
public record Provenance(String commandId, Instant at, String by, String reason) {

  public Provenance {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(reason, "reason");
  }
}
