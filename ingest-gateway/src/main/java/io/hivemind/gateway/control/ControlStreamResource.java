package io.hivemind.gateway.control;

import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Violation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/**
 * {@code GET /api/control/stream?user_id=…[&tier=…]}: server-sent events carrying the bot's trading
 * status (event {@code control}, JSON), the current one on connect and one per change.
 */
@Path("/api/control/stream")
public class ControlStreamResource {

  private final ControlStreamHub hub;

  ControlStreamResource(ControlStreamHub hub) {
    this.hub = hub;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(
      @QueryParam("user_id") String userId,
      @QueryParam("tier") String tier,
      @Context SseEventSink sink,
      @Context Sse sse) {
    if (userId == null) {
      throw new InvalidRequestException(
          List.of(new Violation("user_id", "is required: whose trading status to stream")));
    }
    hub.subscribe(BotContexts.of(userId, tier, null), sink, sse);
  }
}
