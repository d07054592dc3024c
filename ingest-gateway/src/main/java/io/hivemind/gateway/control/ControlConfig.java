package io.hivemind.gateway.control;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The gateway's control settings ({@code hivemind.control.*}); defaults in application.properties.
 */
@ConfigMapping(prefix = "hivemind.control")
public interface ControlConfig {

  /** How long a command may take to be written and become visible before answering 503. */
  Duration writeTimeout();

  /** A bot heard from within this window is active. */
  Duration activeWindow();

  /** How often an idle control stream sends a keep-alive comment. */
  Duration keepAlive();
}
