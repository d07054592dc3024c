package io.hivemind.gateway.api;

import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.ValidationLimits;
import io.hivemind.gateway.IngestConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

@Singleton
class ValidatorProducer {

  @Produces
  @Singleton
  RequestValidator requestValidator(IngestConfig config) {
    return new RequestValidator(
        Clock.systemUTC(),
        new ValidationLimits(
            config.maxClockSkew(), ValidationLimits.DEFAULT_MAX_AGE, config.maxBatch()));
  }
}
