package io.hivemind.gateway.api;

import io.hivemind.botapi.Instruments;
import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.ValidationLimits;
import io.hivemind.gateway.IngestConfig;
import io.hivemind.gateway.clock.BrokerTime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Event times are judged against the broker's time as this host knows it (ADR 16), not the host
 * clock: a gateway whose clock is wrong must not refuse bots whose clocks are right.
 */
@Singleton
class ValidatorProducer {

  @Produces
  @Singleton
  RequestValidator requestValidator(
      IngestConfig config,
      BrokerTime brokerTime,
      @ConfigProperty(name = "hivemind.instruments") List<String> instruments) {
    return new RequestValidator(
        brokerTime.clock(),
        new ValidationLimits(
            config.maxClockSkew(), ValidationLimits.DEFAULT_MAX_AGE, config.maxBatch()),
        Instruments.of(instruments));
  }
}
