package io.hivemind.gateway.control;

import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.kafka.ControlPublisher;
import io.hivemind.control.kafka.ControlView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies an operator's command: one setting of one scope is replaced, in the same transaction as
 * its audit record, and the answer waits until this instance's own view holds it, so an operator
 * who reads the state right after a command sees the command's effect.
 */
@ApplicationScoped
public class ControlCommands {

  private static final Logger LOG = Logger.getLogger(ControlCommands.class);

  private final ControlView view;
  private final ControlPublisher publisher;
  private final Duration visibleWithin;

  ControlCommands(ControlView view, ControlPublisher publisher, ControlConfig config) {
    this.view = view;
    this.publisher = publisher;
    this.visibleWithin = config.writeTimeout();
  }

  /** The command as applied: what it replaced and what it set. */
  public record Applied(
      String command, String actor, Optional<ControlEntry> before, ControlEntry after) {}

  public Applied apply(String command, Scope scope, Setting setting, String actor, String reason) {
    // milliseconds: what the audit record keeps (timestamp-millis), so the answer matches it
    Instant now = view.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    ControlEntry after =
        new ControlEntry(
            scope, setting, new Provenance(UUID.randomUUID().toString(), now, actor, reason));
    Optional<ControlEntry> before = view.snapshot().entry(scope, setting.aspect());
    publisher.publish(command, actor, before, after);
    LOG.infof("%s on %s by %s: %s", command, scope, actor, reason);
    try {
      if (!view.awaitCommand(after.provenance().commandId(), visibleWithin)) {
        LOG.warnf("command %s committed but not yet visible here", after.provenance().commandId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Applied(command, actor, before, after);
  }
}
