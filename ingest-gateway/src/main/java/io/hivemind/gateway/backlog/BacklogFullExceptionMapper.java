package io.hivemind.gateway.backlog;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class BacklogFullExceptionMapper implements ExceptionMapper<BacklogFullException> {

  @Override
  public Response toResponse(BacklogFullException exception) {
    return exception.answer();
  }
}
