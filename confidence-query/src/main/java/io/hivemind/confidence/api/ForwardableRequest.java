package io.hivemind.confidence.api;

import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * What is needed to ask another instance the same question.
 *
 * @param uri the request's path and query string, as received
 * @param jsonBody the body to send along as JSON, for a {@code POST}
 */
record ForwardableRequest(HttpMethod method, String uri, Optional<Object> jsonBody) {

  /** The header that marks a request as already forwarded once: it is never forwarded again. */
  static final String FORWARDED_HEADER = "X-Hivemind-Forwarded";

  static ForwardableRequest get(UriInfo uriInfo) {
    return new ForwardableRequest(HttpMethod.GET, uriOf(uriInfo), Optional.empty());
  }

  static ForwardableRequest post(UriInfo uriInfo, Object jsonBody) {
    return new ForwardableRequest(HttpMethod.POST, uriOf(uriInfo), Optional.of(jsonBody));
  }

  static boolean isForwarded(String headerValue) {
    return headerValue != null && !headerValue.isBlank();
  }

  private static String uriOf(UriInfo uriInfo) {
    URI uri = uriInfo.getRequestUri();
    return uri.getRawQuery() == null
        ? uri.getRawPath()
        : uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
