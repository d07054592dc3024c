package io.hivemind.botapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body Jackson could not read is the caller's mistake: 400 naming the field, never a 500. */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException exception) {
    return ProblemResponses.of(JsonReadErrors.problemOf(exception));
  }
}
