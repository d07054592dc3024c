package io.hivemind.analytics.app;

import io.hivemind.analytics.domain.AnalyticsSettings;
import io.hivemind.analytics.domain.HandleMinter;
import io.hivemind.analytics.domain.HotStrategies;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The analytics' settings as beans. The handle secret has no default: without it (or with one too
 * short to be unguessable) the service refuses to start, naming the setting, rather than mint
 * handles anyone who reads the code could link back to user ids.
 */
@ApplicationScoped
class AnalyticsConfiguration {

  @Produces
  @Singleton
  AnalyticsSettings settings(
      @ConfigProperty(name = AnalyticsSettings.RANK_MIN_TRADES) int rankMinTrades,
      @ConfigProperty(name = AnalyticsSettings.MIN_USERS) int minUsers,
      @ConfigProperty(name = AnalyticsSettings.ACTIVE_WINDOW) Duration activeWindow) {
    return new AnalyticsSettings(rankMinTrades, minUsers, activeWindow);
  }

  @Produces
  @Singleton
  HotStrategies hotStrategies(
      AnalyticsSettings settings,
      @ConfigProperty(name = "hivemind.analytics.strategy-min-trades") int minTrades) {
    return new HotStrategies(settings.kAnonymity(), minTrades);
  }

  @Produces
  @Singleton
  HandleMinter handles(
      @ConfigProperty(name = AnalyticsSettings.HANDLE_SECRET) Optional<String> secret) {
    String value = secret.map(String::strip).orElse("");
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < HandleMinter.MIN_SECRET_BYTES) {
      throw new IllegalStateException(
          AnalyticsSettings.HANDLE_SECRET
              + " (environment HIVEMIND_ANALYTICS_HANDLE_SECRET) must be set to a secret of at least "
              + HandleMinter.MIN_SECRET_BYTES
              + " bytes; it is "
              + (secret.isEmpty() ? "missing" : bytes + " bytes")
              + ". ./hivemind up generates one into $HIVEMIND_HOME; keep it: changing it re-draws"
              + " every community handle");
    }
    return HandleMinter.withSecret(value);
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Fails the start, before Kafka Streams reads anything, when the handle secret is unusable. */
  void checkAtStart(@Observes StartupEvent start, HandleMinter handles) {
    handles.handleOf("startup-check");
  }
}
