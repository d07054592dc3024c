package io.hivemind.gateway.control;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's control settings ({@code hivemind.control.*}); defaults in application.properties.
 */
@ConfigMapping(prefix = "hivemind.control")
public interface ControlConfig {

  /** Bearer token of the operators; without one, control endpoints answer 401. */
  Optional<String> adminToken();

  /** How long a command may take to be written and become visible before answering 503. */
  Duration writeTimeout();

  /** A bot heard from within this window is active. */
  Duration activeWindow();

  /** How often an idle control stream sends a keep-alive comment. */
  Duration keepAlive();
}
