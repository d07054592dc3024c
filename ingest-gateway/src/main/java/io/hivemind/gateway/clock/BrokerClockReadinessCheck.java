package io.hivemind.gateway.clock;

import io.hivemind.gateway.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Up while the gateway knows the broker's time (ADR 16): a recent probe, whatever its offset, since
 * records and checks are corrected by it; or an old one whose offset was small, as the host clock
 * alone is then good enough. Down before the first probe came back, and when the probes have
 * stopped coming back while the last known offset was beyond {@code
 * hivemind.ingest.max-clock-offset}: the correction can no longer be trusted, and the broker would
 * refuse the records anyway (answered 503 with {@code Retry-After}).
 */
@Readiness
@ApplicationScoped
class BrokerClockReadinessCheck implements HealthCheck {

  private final BrokerTime time;
  private final ClockProbes probes;
  private final Duration staleAfter;
  private final Duration maxOffset;

  BrokerClockReadinessCheck(BrokerTime time, ClockProbes probes, IngestConfig config) {
    this.time = time;
    this.probes = probes;
    // three probes missed, each bounded by the send timeout
    this.staleAfter = config.clockProbeInterval().plus(config.sendTimeout()).multipliedBy(3);
    this.maxOffset = config.maxClockOffset();
  }

  @Override
  public HealthCheckResponse call() {
    ClockOffset latest = time.latest();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("broker clock")
            .withData("failed probes in a row", probes.failuresInARow());
    if (!latest.measured()) {
      return response.down().withData("offset", "not measured yet").build();
    }
    Duration age = Duration.between(latest.measuredAt(), time.host().instant());
    response
        .withData("offset ms", latest.offset().toMillis())
        .withData("uncertainty ms", latest.uncertainty().toMillis())
        .withData("measured", latest.measuredAt().toString())
        .withData("age ms", age.toMillis());
    boolean stale = age.compareTo(staleAfter) > 0;
    return response.status(!(stale && latest.exceeds(maxOffset))).build();
  }
}
