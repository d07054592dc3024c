package io.hivemind.analytics.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.access.http.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live view as server-sent events, authenticated by the same {@code Authorization} header as
 * every endpoint (the dashboard reads it with {@code fetch}; a key never goes in a URL). Every
 * {@code hivemind.analytics.stream-interval} it reads the stores and sends what changed: {@code
 * fleet} (the {@code /api/analytics/fleet} body), {@code me} (the caller's performance; none for an
 * admin key, which follows the fleet) and {@code badge} (the caller's new badges; an admin's: every
 * user's). A check that cannot read the stores (a rebalance) sends nothing and the next one tries
 * again.
 */
@Path("/api/analytics/stream")
public class AnalyticsStreamResource {

  private static final Logger LOG = Logger.getLogger(AnalyticsStreamResource.class);

  private final AnalyticsViews views;
  private final Caller caller;
  private final ObjectMapper json;
  private final Duration interval;

  AnalyticsStreamResource(
      AnalyticsViews views,
      Caller caller,
      ObjectMapper json,
      @ConfigProperty(name = "hivemind.analytics.stream-interval") Duration interval) {
    this.views = views;
    this.caller = caller;
    this.json = json;
    this.interval = interval;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(@Context Sse sse) {
    // read the request's caller now: the ticks run outside the request
    String userId = caller.userId();
    boolean admin = caller.isAdmin();
    LiveView view = new LiveView(userId, admin);
    return Multi.createFrom()
        .ticks()
        .startingAfter(Duration.ofMillis(1))
        .every(interval)
        .onOverflow()
        .drop()
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToIterable(tick -> check(view, userId, admin))
        .map(update -> event(sse, update));
  }

  private List<LiveView.Update> check(LiveView view, String userId, boolean admin) {
    try {
      Bodies.Fleet fleet = views.fleet();
      Bodies.Fleet comparable =
          new Bodies.Fleet(
              null,
              fleet.k(),
              fleet.growth(),
              fleet.hourly(),
              fleet.daily(),
              fleet.heatmap(),
              fleet.leaderboard());
      Object me = admin ? null : views.performance(userId);
      return view.check(
          fleet,
          comparable,
          me,
          LiveView.awardsFor(userId, admin, views::allAwards, () -> views.awards(userId)));
    } catch (StoresUnavailableException e) {
      LOG.debugf("live view: stores unavailable, next check in %s: %s", interval, e.getMessage());
      return List.of();
    }
  }

  private OutboundSseEvent event(Sse sse, LiveView.Update update) {
    try {
      return sse.newEventBuilder()
          .name(update.event())
          .mediaType(MediaType.TEXT_PLAIN_TYPE)
          .data(json.writeValueAsString(update.body()))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an analytics body is always JSON", e);
    }
  }
}
