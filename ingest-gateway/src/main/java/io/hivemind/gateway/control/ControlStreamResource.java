package io.hivemind.gateway.control;

import io.hivemind.access.http.Caller;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * {@code GET /api/control/stream}: server-sent events carrying the bot's trading status (event
 * {@code control}, JSON), the current one on connect and one per change. The bot is the key's user,
 * in the key's tier; {@code user_id} may repeat it, and only an admin key may name another user
 * (then with the {@code tier} it names).
 */
@Path("/api/control/stream")
public class ControlStreamResource {

  private final ControlStreamHub hub;
  private final Caller caller;

  ControlStreamResource(ControlStreamHub hub, Caller caller) {
    this.hub = hub;
    this.caller = caller;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(
      @QueryParam("user_id") String userId, @QueryParam("tier") String tier, @Context Sse sse) {
    String user = caller.readableUser("user_id", userId);
    String userTier = user.equals(caller.userId()) ? caller.tier() : tier;
    return hub.subscribe(BotContexts.of(user, userTier, null), caller.principal().keyId(), sse);
  }
}
