package io.hivemind.botapi;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Wrong types ({@code "price":"abc"}, {@code "signals":{}}) reach the mappers as this exact type,
 * for which Quarkus registers its own mapper (priority 5100, not problem+json); this one, at the
 * default user priority, takes precedence.
 */
@Provider
public class MismatchedInputExceptionMapper implements ExceptionMapper<MismatchedInputException> {

  @Override
  public Response toResponse(MismatchedInputException exception) {
    return ProblemResponses.of(JsonReadErrors.problemOf(exception));
  }
}
