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
 * @param authorization the caller's {@code Authorization} header, as received: the owner checks the
 *     same key (its role, its user, its rate) rather than trusting the instance that forwards
 */
record ForwardableRequest(
    HttpMethod method, String uri, Optional<Object> jsonBody, Optional<String> authorization) {

  /** The header that marks a request as already forwarded once: it is never forwarded again. */
  static final String FORWARDED_HEADER = "X-Hivemind-Forwarded";

  static ForwardableRequest get(UriInfo uriInfo, String authorization) {
    return new ForwardableRequest(
        HttpMethod.GET, uriOf(uriInfo), Optional.empty(), Optional.ofNullable(authorization));
  }

  static ForwardableRequest post(UriInfo uriInfo, Object jsonBody, String authorization) {
    return new ForwardableRequest(
        HttpMethod.POST, uriOf(uriInfo), Optional.of(jsonBody), Optional.ofNullable(authorization));
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

  /** Never the credentials: this is what a log line or a failed assertion shows. */
  @Override
  public String toString() {
    return method
        + " "
        + uri
        + (jsonBody.isPresent() ? " with a JSON body" : "")
        + (authorization.isPresent() ? " with credentials" : "");
  }
}
