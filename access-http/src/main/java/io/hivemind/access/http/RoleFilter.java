package io.hivemind.access.http;

import io.hivemind.access.domain.Role;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Lets a matched request through only when its key's role covers what the endpoint needs: its
 * {@link RequiresRole}, else {@link Role#BOT}; others get 403. Runs after {@link
 * AuthenticationFilter}, so the caller is known, and only for requests that matched a resource.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleFilter implements ContainerRequestFilter {

  // Both are client proxies of request-scoped beans: the filter itself outlives every request.
  private final Caller caller;
  private final ResourceInfo resource;

  RoleFilter(Caller caller, ResourceInfo resource) {
    this.caller = caller;
    this.resource = resource;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Role required = required(resource.getResourceMethod(), resource.getResourceClass());
    if (required == Role.BOT) {
      // every admitted key has it (Gatekeeper), and an open path asks nobody
      return;
    }
    if (!caller.isAuthenticated()) {
      // an open path that also names a role: the role wins, the path is not open
      request.abortWith(AccessProblems.missingKey());
    } else if (!caller.principal().has(required)) {
      request.abortWith(AccessProblems.roleTooLow(required, caller.principal().role()));
    }
  }

  /** The method's {@link RequiresRole}, else its class's, else bot. */
  static Role required(Method method, Class<?> resourceClass) {
    RequiresRole onMethod = method == null ? null : method.getAnnotation(RequiresRole.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    RequiresRole onClass =
        resourceClass == null ? null : resourceClass.getAnnotation(RequiresRole.class);
    return onClass != null ? onClass.value() : Role.BOT;
  }
}
