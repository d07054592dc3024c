package io.hivemind.access.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class RateLimitedExceptionMapper implements ExceptionMapper<RateLimitedException> {

  @Override
  public Response toResponse(RateLimitedException exception) {
    return exception.answer();
  }
}
