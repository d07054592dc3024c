package io.hivemind.analytics.api;

import io.hivemind.access.domain.Role;
import io.hivemind.access.http.Caller;
import io.hivemind.access.http.RequiresRole;
import io.hivemind.analytics.domain.Leaderboard;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Violation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The analytics' JSON endpoints. Every one needs a key ({@code access-http}); a key reads its own
 * user only, an admin key any user (403 problem+json otherwise); community answers are for any key
 * and hold no user id.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

  static final int MAX_LIMIT = 100;

  private final AnalyticsViews views;
  private final Caller caller;
  private final Bodies.Endpoints endpoints;

  AnalyticsResource(
      AnalyticsViews views,
      Caller caller,
      @ConfigProperty(name = "hivemind.dashboard.gateway-url") String gateway,
      @ConfigProperty(name = "hivemind.dashboard.query-url") String query,
      @ConfigProperty(name = "hivemind.dashboard.learner-url") String learner) {
    this.views = views;
    this.caller = caller;
    this.endpoints = new Bodies.Endpoints(gateway, query, learner);
  }

  /** The other services' addresses as a browser reaches them, for the dashboard. */
  @GET
  @Path("/analytics/endpoints")
  public Bodies.Endpoints endpoints() {
    return endpoints;
  }

  @GET
  @Path("/analytics/me")
  public Bodies.Me me() {
    return new Bodies.Me(caller.userId(), caller.principal().role().name());
  }

  @GET
  @Path("/analytics/fleet")
  public Bodies.Fleet fleet() {
    return views.fleet();
  }

  @GET
  @Path("/users/{user_id}/performance")
  public Bodies.Performance performance(@PathParam("user_id") String userId) {
    return views.performance(caller.readableUser("user_id", userId));
  }

  @GET
  @Path("/users/{user_id}/rank")
  public Bodies.Rank rank(@PathParam("user_id") String userId) {
    return views.rank(caller.readableUser("user_id", userId));
  }

  @GET
  @Path("/users/{user_id}/badges")
  public Bodies.Badges badges(@PathParam("user_id") String userId) {
    return views.badges(caller.readableUser("user_id", userId));
  }

  @GET
  @Path("/community/top_performers")
  public Bodies.TopPerformers topPerformers(
      @QueryParam("by") String by, @QueryParam("limit") String limit) {
    return views.topPerformers(order(by), limit(limit));
  }

  @GET
  @Path("/community/trending_symbols")
  public Bodies.TrendingSymbols trendingSymbols() {
    return views.trendingSymbols();
  }

  @GET
  @Path("/community/hot_strategies")
  public Bodies.HotStrategies hotStrategies() {
    return views.hotStrategies();
  }

  @GET
  @Path("/bots/stats")
  @RequiresRole(Role.ADMIN)
  public Bodies.BotsStats botsStats() {
    return views.botsStats();
  }

  static Leaderboard.Order order(String by) {
    if (by == null || by.equals("pnl")) {
      return Leaderboard.Order.PNL;
    }
    if (by.equals("win_rate")) {
      return Leaderboard.Order.WIN_RATE;
    }
    throw new InvalidRequestException(List.of(new Violation("by", "must be pnl or win_rate")));
  }

  static int limit(String limit) {
    if (limit == null) {
      return 10;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException(
        List.of(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
  }
}
