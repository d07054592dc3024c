package io.hivemind.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.botapi.Problem;
import io.hivemind.gateway.IngestConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body whose declared length is over {@code hivemind.ingest.max-body-size} before
 * anything reads it, in problem+json naming {@code body}. It runs as a Vert.x route ahead of
 * Quarkus' own upload limit (order -2), which would answer the same request with a bare 413. Bodies
 * that declare no length (chunked) are still cut off by that limit, which the configuration sets to
 * the same size.
 */
@ApplicationScoped
class BodySizeLimit {

  /** Just ahead of Quarkus' {@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}. */
  private static final int ORDER = -3;

  private final long maxBytes;
  private final String problemJson;

  BodySizeLimit(IngestConfig config, ObjectMapper json) throws JsonProcessingException {
    this.maxBytes = config.maxBodySize().asLongValue();
    this.problemJson = json.writeValueAsString(Problem.payloadTooLarge(maxBytes));
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::rejectOversizedBody);
  }

  private void rejectOversizedBody(RoutingContext context) {
    if (declaredLength(context) <= maxBytes) {
      context.next();
      return;
    }
    // the unread body is still on the wire: the connection cannot be reused
    context
        .response()
        .endHandler(ended -> context.request().connection().close())
        .setStatusCode(413)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(problemJson);
  }

  private static long declaredLength(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1; // not ours to judge: the HTTP layer refuses a malformed length
    }
  }
}
