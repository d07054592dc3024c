package io.hivemind.gateway.control;

import io.hivemind.botapi.ProblemResponses;
import io.hivemind.control.kafka.ControlPublisher.ControlWriteException;
import io.hivemind.gateway.IngestConfig;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** A command Kafka did not take was not applied at all (one transaction): 503, retry it. */
@Provider
public class ControlWriteExceptionMapper implements ExceptionMapper<ControlWriteException> {

  private static final Logger LOG = Logger.getLogger(ControlWriteExceptionMapper.class);

  private final IngestConfig config;

  ControlWriteExceptionMapper(IngestConfig config) {
    this.config = config;
  }

  @Override
  public Response toResponse(ControlWriteException exception) {
    LOG.warn("control command not applied", exception);
    return ProblemResponses.unavailable(
        "the command was not applied: the control log did not take it; retry", config.retryAfter());
  }
}
