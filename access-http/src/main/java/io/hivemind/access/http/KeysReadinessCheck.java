package io.hivemind.access.http;

import io.hivemind.access.kafka.KeyMaterializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only once every key that was on the topic at startup is known here: before that, a valid
 * key could be refused. Startup waits for it, within {@code hivemind.access.keys-wait}.
 */
@Readiness
@ApplicationScoped
class KeysReadinessCheck implements HealthCheck {

  static final String NAME = "api keys";

  private static final Logger LOG = Logger.getLogger(KeysReadinessCheck.class);

  private final KeyMaterializer keys;
  private final Duration startupWait;

  @Inject
  KeysReadinessCheck(KeyMaterializer keys, AccessConfig config) {
    this(keys, config.keysWait());
  }

  KeysReadinessCheck(KeyMaterializer keys, Duration startupWait) {
    this.keys = keys;
    this.startupWait = startupWait;
  }

  void awaitKeys(@Observes Startup started) throws InterruptedException {
    if (keys.awaitCaughtUp(startupWait)) {
      LOG.infof("read %d API keys from %s", keys.directory().size(), keys.topic());
    } else {
      LOG.warnf(
          "%s not read to its end within %s: not ready until it is", keys.topic(), startupWait);
    }
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME)
        .status(keys.isCaughtUp())
        .withData("topic", keys.topic())
        .withData("keys", keys.directory().size())
        .build();
  }
}
