package io.hivemind.gateway.api;

import io.hivemind.botapi.AvroMapping;
import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.TradingStatus;
import io.hivemind.control.kafka.ControlView;
import io.hivemind.gateway.kafka.EventPublisher;
import io.hivemind.schema.Topics;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Bots say they are alive (the seed pings every 60 s), as the user of their API key; answered once
 * the broker has it.
 */
@Path("/api/bots/heartbeat")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HeartbeatResource {

  private final RequestValidator validator;
  private final EventPublisher publisher;
  private final Topics topics;
  private final CallerIdentity caller;
  private final ControlView control;

  HeartbeatResource(
      RequestValidator validator,
      EventPublisher publisher,
      Topics topics,
      CallerIdentity caller,
      ControlView control) {
    this.validator = validator;
    this.publisher = publisher;
    this.topics = topics;
    this.caller = caller;
    this.control = control;
  }

  @POST
  @NonBlocking
  @ResponseStatus(202)
  public Uni<Accepted> heartbeat(HeartbeatRequest body) {
    HeartbeatRequest request = caller.bind(body);
    InvalidRequestException.throwIfAny(validator.validate(request));
    String userId = caller.userId();
    // the acknowledgement in this very heartbeat counts: an acknowledged order is not repeated
    TradingStatus status =
        TradingStatus.of(control.evaluate(caller.botFor(null)), request.forceCloseAck());
    return publisher
        .publish(topics.heartbeats, userId, AvroMapping.toHeartbeat(request))
        .map(published -> Accepted.heartbeat(userId, published, status));
  }
}
