package io.hivemind.analytics.api;

import io.hivemind.botapi.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Provider
class StoresUnavailableExceptionMapper implements ExceptionMapper<StoresUnavailableException> {

  @ConfigProperty(name = "hivemind.analytics.retry-after")
  Duration retryAfter;

  @Override
  public Response toResponse(StoresUnavailableException exception) {
    return ProblemResponses.unavailable(exception.getMessage(), retryAfter);
  }
}
