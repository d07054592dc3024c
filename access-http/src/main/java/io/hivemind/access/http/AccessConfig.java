package io.hivemind.access.http;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * API keys on this service ({@code hivemind.access.*}); values in the service's
 * application.properties.
 */
@ConfigMapping(prefix = "hivemind.access")
public interface AccessConfig {

  /**
   * How long startup waits for the key topic to be read to its end. The service starts anyway after
   * that, but reports not ready (and answers 503 to keys it does not know yet) until it has.
   */
  Duration keysWait();

  /** What a 503 answered while the keys are still being read tells the caller to wait. */
  Duration retryAfter();

  /**
   * The REST endpoints that need no key, each as {@code METHOD /path} (exact, no patterns), e.g.
   * {@code POST /api/bench/noop}. Health and metrics ({@code /q/*}) are not REST endpoints: the
   * filters never see them, so they are open without being listed.
   */
  Optional<List<String>> openPaths();
}
