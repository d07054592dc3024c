package io.hivemind.gateway.clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Thin CDI adapter: the host clock (the only one the gateway reads; tests replace it with a skewed
 * one) and the broker's time derived from it, with its gauges.
 */
@Singleton
class ClockProducer {

  /**
   * The host's clock; shifted by {@code hivemind.clock.host-offset} (zero but in a fault drill,
   * which plays a host whose clock is wrong).
   */
  @Produces
  @Singleton
  Clock hostClock(@ConfigProperty(name = "hivemind.clock.host-offset") Duration offset) {
    return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
  }

  @Produces
  @Singleton
  BrokerTime brokerTime(Clock host, MeterRegistry registry) {
    BrokerTime time = new BrokerTime(host);
    Gauge.builder("hivemind.clock.offset", time, t -> t.latest().offset().toMillis())
        .description(
            "The broker's clock minus this host's, as last measured: negative when this host's"
                + " clock is ahead. Event timestamps are corrected by it")
        .baseUnit("milliseconds")
        .register(registry);
    Gauge.builder(
            "hivemind.clock.offset.uncertainty", time, t -> t.latest().uncertainty().toMillis())
        .description("Half the round trip of the last clock probe: the offset's error bound")
        .baseUnit("milliseconds")
        .register(registry);
    return time;
  }
}
