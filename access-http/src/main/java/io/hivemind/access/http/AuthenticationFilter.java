package io.hivemind.access.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every request to the REST API needs {@code Authorization: Bearer <API key>} ({@link Gatekeeper}),
 * except the service's open paths ({@code hivemind.access.open-paths}, e.g. a benchmark's no-op
 * baseline, which must cost what the bare stack costs); health and metrics ({@code /q/*}) are not
 * REST resources and never come here. It runs before the request is matched to a resource and
 * before its body is read, so a caller without a valid key learns nothing about paths, methods or
 * bodies. An admitted request's principal is the request's {@link Caller}; what role the endpoint
 * needs is checked once it is matched ({@link RoleFilter}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  // Both are client proxies: filters are created before runtime configuration exists.
  private final Gatekeeper gatekeeper;
  private final Caller caller;

  AuthenticationFilter(Gatekeeper gatekeeper, Caller caller) {
    this.gatekeeper = gatekeeper;
    this.caller = caller;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (gatekeeper.isOpen(request.getMethod(), request.getUriInfo().getPath())) {
      return;
    }
    Gatekeeper.Admission admission =
        gatekeeper.admit(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (admission instanceof Gatekeeper.Admission.Admitted admitted) {
      caller.authenticated(admitted.principal());
    } else if (admission instanceof Gatekeeper.Admission.Refused refused) {
      request.abortWith(refused.answer());
    }
  }
}
