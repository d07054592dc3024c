package io.hivemind.control.app;

import io.hivemind.control.kafka.ControlView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the control topic has been read to its end, and not ready again while a record of
 * it cannot be read: a service acting on an empty or partial view would let bots trade while the
 * fleet is halted.
 */
@Readiness
@ApplicationScoped
public class ControlViewReadinessCheck implements HealthCheck {

  private final ControlView view;

  ControlViewReadinessCheck(ControlView view) {
    this.view = view;
  }

  @Override
  public HealthCheckResponse call() {
    if (!view.isLoaded()) {
      return HealthCheckResponse.named("control")
          .down()
          .withData("reason", view.whyNotLoaded())
          .build();
    }
    return HealthCheckResponse.named("control")
        .up()
        .withData("learning", view.snapshot().learning().name())
        .build();
  }
}
