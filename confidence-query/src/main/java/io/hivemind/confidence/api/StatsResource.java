package io.hivemind.confidence.api;

import io.hivemind.access.http.Caller;
import io.hivemind.confidence.model.StatsReporter;
import io.hivemind.confidence.query.UserStatsQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A user's trading record on one symbol (the seed's {@code /api/ml/stats}); zeros when unknown. A
 * key reads its own user's record ({@code user_id} may be left out); naming another user is a 403,
 * except for an admin key.
 */
@Path("/api/ml/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

  private final UserStatsQueries queries;
  private final RequestReader reader;
  private final RoutedAnswers answers;
  private final Caller caller;
  private final StatsReporter reporter = StatsReporter.v1();

  StatsResource(
      UserStatsQueries queries, RequestReader reader, RoutedAnswers answers, Caller caller) {
    this.queries = queries;
    this.reader = reader;
    this.answers = answers;
    this.caller = caller;
  }

  @GET
  public Uni<Response> stats(
      @RestQuery("user_id") String userId,
      @RestQuery("symbol") String symbol,
      @RestHeader(ForwardableRequest.FORWARDED_HEADER) String forwarded,
      @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      @Context UriInfo uriInfo) {
    String user = caller.readableUser(RequestReader.USER_ID, userId);
    reader.checkUserAndSymbol(user, symbol);
    ForwardableRequest request = ForwardableRequest.get(uriInfo, authorization);
    return queries
        .ask(
            user,
            ForwardableRequest.isForwarded(forwarded),
            stats -> reporter.report(user, symbol, stats))
        .flatMap(result -> answers.respond(result, StatsResponse::of, request));
  }
}
