package io.hivemind.confidence.api;

import io.hivemind.botapi.Problem;
import io.hivemind.botapi.ProblemResponses;
import io.hivemind.botapi.Violation;
import io.hivemind.replay.settings.InvalidSettingsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Settings a replay cannot run with are a 400 naming each field, like any bad request. */
@Provider
public class InvalidSettingsExceptionMapper implements ExceptionMapper<InvalidSettingsException> {

  @Override
  public Response toResponse(InvalidSettingsException exception) {
    return ProblemResponses.of(
        Problem.invalidRequest(
            exception.violations().stream()
                .map(violation -> new Violation(violation.field(), violation.message()))
                .toList()));
  }
}
