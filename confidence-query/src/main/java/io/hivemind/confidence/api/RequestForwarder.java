package io.hivemind.confidence.api;

import io.hivemind.botapi.ProblemResponses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks the instance that owns a user the same question, without holding a thread while it answers,
 * and relays its answer. An owner that does not answer in time is a 503 the bot retries, never a
 * hang.
 */
@ApplicationScoped
class RequestForwarder {

  private static final Logger LOG = Logger.getLogger(RequestForwarder.class);

  /** What a bot acts on besides the status: when to retry (503, 429), how to authenticate (401). */
  private static final List<String> RELAYED_HEADERS = List.of("Retry-After", "WWW-Authenticate");

  private final WebClient client;
  private final Duration timeout;
  private final Duration retryAfter;

  RequestForwarder(
      Vertx vertx,
      @ConfigProperty(name = "hivemind.query.forward-timeout") Duration timeout,
      @ConfigProperty(name = "hivemind.query.retry-after") Duration retryAfter) {
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true)
                .setFollowRedirects(false));
    this.timeout = timeout;
    this.retryAfter = retryAfter;
  }

  Uni<Response> forward(String host, int port, ForwardableRequest request) {
    HttpRequest<Buffer> outgoing =
        client
            .request(request.method(), port, host, request.uri())
            .putHeader(ForwardableRequest.FORWARDED_HEADER, "1")
            .putHeader(HttpHeaders.ACCEPT.toString(), MediaType.APPLICATION_JSON)
            .timeout(timeout.toMillis());
    // the owner authenticates the caller's own key: no instance vouches for another's caller
    request
        .authorization()
        .ifPresent(key -> outgoing.putHeader(HttpHeaders.AUTHORIZATION.toString(), key));
    Uni<HttpResponse<Buffer>> sent =
        request.jsonBody().map(outgoing::sendJson).orElseGet(outgoing::send);
    return sent.ifNoItem()
        .after(timeout)
        .fail()
        .map(RequestForwarder::relay)
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.debugf(failure, "forwarding %s to %s:%d failed", request, host, port);
              return ProblemResponses.unavailable(
                  "the instance that holds this user's statistics did not answer", retryAfter);
            });
  }

  /** The owner's answer as it gave it: status, body and the headers a bot acts on. */
  private static Response relay(HttpResponse<Buffer> answer) {
    Response.ResponseBuilder relayed = Response.status(answer.statusCode());
    String contentType = answer.getHeader(HttpHeaders.CONTENT_TYPE.toString());
    if (contentType != null) {
      relayed.header(HttpHeaders.CONTENT_TYPE.toString(), contentType);
    }
    for (String header : RELAYED_HEADERS) {
      String value = answer.getHeader(header);
      if (value != null) {
        relayed.header(header, value);
      }
    }
    Buffer body = answer.body();
    return relayed.entity(body == null ? new byte[0] : body.getBytes()).build();
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
