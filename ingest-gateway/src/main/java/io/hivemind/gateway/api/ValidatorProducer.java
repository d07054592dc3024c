package io.hivemind.gateway.api;

import io.hivemind.botapi.Instruments;
import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.ValidationLimits;
import io.hivemind.gateway.IngestConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Singleton
class ValidatorProducer {

  @Produces
  @Singleton
  RequestValidator requestValidator(
      IngestConfig config,
      @ConfigProperty(name = "hivemind.instruments") List<String> instruments) {
    return new RequestValidator(
        Clock.systemUTC(),
        new ValidationLimits(
            config.maxClockSkew(), ValidationLimits.DEFAULT_MAX_AGE, config.maxBatch()),
        Instruments.of(instruments));
  }
}
