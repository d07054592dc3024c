package io.hivemind.gateway.control;

import io.hivemind.botapi.Problem;
import io.hivemind.botapi.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets through {@link AdminOnly} requests that carry {@code Authorization: Bearer <admin token>};
 * everything else is answered 401. The comparison takes the same time however much of the token
 * matches, so the token cannot be guessed byte by byte. With no token configured, no one is admin.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final Optional<byte[]> token;

  AdminTokenFilter(@ConfigProperty(name = "hivemind.control.admin-token") Optional<String> token) {
    this.token =
        token
            .filter(value -> !value.isBlank())
            .map(value -> value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (token.isEmpty()) {
      request.abortWith(unauthorized("no admin token is configured on this gateway"));
    } else if (header == null || !header.startsWith(BEARER)) {
      request.abortWith(unauthorized("send Authorization: Bearer <admin token>"));
    } else if (!MessageDigest.isEqual(
        token.get(), header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8))) {
      request.abortWith(unauthorized("the admin token is not valid"));
    }
  }

  private static Response unauthorized(String detail) {
    return Response.fromResponse(ProblemResponses.of(Problem.ofStatus(401, "Unauthorized", detail)))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hivemind-control\"")
        .build();
  }
}
