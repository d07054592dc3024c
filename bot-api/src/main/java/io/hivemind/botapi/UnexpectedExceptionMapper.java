package io.hivemind.botapi;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last word on any exception no other mapper claims (JAX-RS picks the mapper of the nearest
 * superclass, so every specific mapper still wins): {@link FailureProblems}, never Quarkus' own
 * error page.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable failure) {
    Problem problem = FailureProblems.of(failure);
    return problem.status() == 503
        ? ProblemResponses.unavailable(problem.detail(), FailureProblems.RETRY_AFTER)
        : ProblemResponses.of(problem);
  }
}
