package io.hivemind.confidence.api;

import io.hivemind.botapi.ProblemResponses;
import io.hivemind.confidence.query.QueryResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * Maps where a question was answered to HTTP: answered here is 200, owned by another instance is
 * that instance's answer, not answerable now is 503 with {@code Retry-After}.
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
    if (result instanceof QueryResult.Remote<T> remote) {
      count("forwarded");
      return forwarder.forward(remote.host(), remote.port(), request);
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
