package io.hivemind.control.domain;

import java.time.Instant;

/** The force-close order a bot must carry out, until it acknowledges {@code commandId}. */
public record ForceCloseNotice(String commandId, Scope scope, Instant issuedAt, String reason) {

  public boolean acknowledgedBy(String acknowledgedCommandId) {
    return commandId.equals(acknowledgedCommandId);
  }
}
