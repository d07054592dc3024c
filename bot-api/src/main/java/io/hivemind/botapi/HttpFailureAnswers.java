package io.hivemind.botapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Problems for what fails in Vert.x rather than in a REST resource, where no exception mapper runs
 * and Quarkus would answer its own error page (HTML when the caller accepts it): a route that fails
 * with an exception is answered as {@link UnexpectedExceptionMapper} does ({@link
 * FailureProblems}), one that fails with a status (413 from a body limit) by a problem of that
 * status. Unknown paths, {@code /q/...} included, reach the REST layer, whose 404 is already a
 * problem ({@link WebApplicationExceptionMapper}).
 */
@ApplicationScoped
public class HttpFailureAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(HttpFailureAnswers::answer);
  }

  static void answer(RoutingContext context) {
    HttpServerResponse response = context.response();
    if (response.headWritten()) {
      response.close(); // too late for an answer: the client sees the connection end
      return;
    }
    Problem problem =
        context.failure() != null
            ? FailureProblems.of(context.failure())
            : statusOnly(context.statusCode());
    response.setStatusCode(problem.status());
    if (problem.status() == 503) {
      response.putHeader("Retry-After", String.valueOf(FailureProblems.RETRY_AFTER.toSeconds()));
    }
    response.putHeader("Content-Type", Problem.MEDIA_TYPE);
    try {
      response.end(JSON.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      response.end();
    }
  }

  private static Problem statusOnly(int status) {
    int code = status < 400 ? 500 : status;
    Response.Status known = Response.Status.fromStatusCode(code);
    String title = known == null ? "HTTP " + code : known.getReasonPhrase();
    return Problem.ofStatus(code, title, code == 404 ? "no such resource" : title);
  }
}
