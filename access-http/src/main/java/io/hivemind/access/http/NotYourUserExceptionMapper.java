package io.hivemind.access.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class NotYourUserExceptionMapper implements ExceptionMapper<NotYourUserException> {

  @Override
  public Response toResponse(NotYourUserException exception) {
    return AccessProblems.notYourUser(exception.violations());
  }
}
