package io.hivemind.control.domain;

import java.time.Instant;
import java.util.Objects;

/** A planned stop: everything is halted from {@code start} (inclusive) to {@code end}. */
public record MaintenanceWindow(Instant start, Instant end) {

  public MaintenanceWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a maintenance window must end after it starts");
    }
  }

  public boolean covers(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
