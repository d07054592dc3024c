package io.hivemind.control.domain;

import java.time.Instant;
import java.util.Optional;

/** One applied control command: what, who, why, when, and the setting before and after. */
public record AuditRecord(
    String commandId,
    String command,
    Scope scope,
    String actor,
    String reason,
    Instant issuedAt,
    Optional<ControlEntry> before,
    ControlEntry after) {}
