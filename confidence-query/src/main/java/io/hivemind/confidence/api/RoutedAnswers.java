package io.hivemind.confidence.api;

import io.hivemind.botapi.ProblemResponses;
import io.hivemind.confidence.query.QueryResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * Maps where a question was answered to HTTP: answered here is 200, answered here from a copy that
 * may be behind is 200 marked stale with its lag, owned by another instance is that instance's
 * answer (or, when it does not answer or answers 503, this instance's copy, marked stale, if it
 * holds one within the bound), not answerable now is 503 with {@code Retry-After}.
 */
@ApplicationScoped
class RoutedAnswers {

  private static final String METRIC = "hivemind.query.results";

  private final RequestForwarder forwarder;
  private final MeterRegistry meters;

  RoutedAnswers(RequestForwarder forwarder, MeterRegistry meters) {
    this.forwarder = forwarder;
    this.meters = meters;
  }

  <T> Uni<Response> respond(
      QueryResult<T> result, Function<T, Object> body, ForwardableRequest request) {
    if (result instanceof QueryResult.Local<T> local) {
      count("local");
      return Uni.createFrom().item(Response.ok(body.apply(local.answer())).build());
    }
    if (result instanceof QueryResult.Stale<T> stale) {
      count("stale");
      Object answer = body.apply(stale.answer());
      if (answer instanceof Freshness.Marked marked) {
        answer = marked.withFreshness(Freshness.stale(stale.lagRecords()));
      }
      return Uni.createFrom().item(Response.ok(answer).build());
    }
    if (result instanceof QueryResult.Remote<T> remote) {
      count("forwarded");
      Uni<Response> forwarded = forwarder.forward(remote.host(), remote.port(), request);
      if (remote.fallback().isEmpty()) {
        return forwarded;
      }
      return forwarded.flatMap(
          answer ->
              answer.getStatus() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()
                  ? Uni.createFrom()
                      .item(() -> remote.fallback().get().get())
                      .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                      .flatMap(fallback -> respond(fallback, body, request))
                  : Uni.createFrom().item(answer));
    }
    QueryResult.Unavailable<T> unavailable = (QueryResult.Unavailable<T>) result;
    count("unavailable");
    return Uni.createFrom()
        .item(ProblemResponses.unavailable(unavailable.reason(), unavailable.retryAfter()));
  }

  private void count(String result) {
    meters.counter(METRIC, "result", result).increment();
  }
}
