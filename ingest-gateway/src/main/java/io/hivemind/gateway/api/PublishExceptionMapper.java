package io.hivemind.gateway.api;

import io.hivemind.botapi.Problem;
import io.hivemind.botapi.ProblemResponses;
import io.hivemind.gateway.IngestConfig;
import io.hivemind.gateway.kafka.PublishException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A record the broker did not acknowledge: 503 with {@code Retry-After} when trying again can work
 * (the bot resends with the same ids, duplicates are dropped downstream), else 500. A timestamp the
 * broker refused is this gateway's clock, not the bot's request: 503 too (ADR 16).
 */
@Provider
public class PublishExceptionMapper implements ExceptionMapper<PublishException> {

  private static final Logger LOG = Logger.getLogger(PublishExceptionMapper.class);

  private final Duration retryAfter;

  PublishExceptionMapper(IngestConfig config) {
    this.retryAfter = config.retryAfter();
  }

  @Override
  public Response toResponse(PublishException exception) {
    return toResponse(exception, retryAfter);
  }

  static Response toResponse(PublishException exception, Duration retryAfter) {
    if (exception.clockRefused()) {
      LOG.warnf("answering 503, the broker refused this host's clock: %s", exception.getMessage());
      return ProblemResponses.unavailable(
          "the event store refused this gateway's clock, which is being corrected; retry with the"
              + " same ids",
          retryAfter);
    }
    if (exception.retriable()) {
      LOG.warnf("answering 503: %s", exception.getMessage());
      return ProblemResponses.unavailable(
          "the event store did not acknowledge in time; retry with the same ids", retryAfter);
    }
    LOG.error("could not publish", exception);
    return ProblemResponses.of(
        Problem.ofStatus(500, "Internal Server Error", "the event could not be stored"));
  }
}
