package io.hivemind.access.http;

import io.hivemind.access.domain.Principal;
import io.hivemind.access.domain.Role;
import io.hivemind.botapi.Violation;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Objects;

/**
 * Who the current request is from, as its API key says: set by {@link AuthenticationFilter} before
 * anything else reads the request, and the only source of its user id, tier and role. Inject it
 * wherever a resource needs to know whose request it is.
 */
@RequestScoped
public class Caller {

  private Principal principal;

  void authenticated(Principal principal) {
    this.principal = Objects.requireNonNull(principal);
  }

  /** Whether a key admitted this request; false only on an open path. */
  boolean isAuthenticated() {
    return principal != null;
  }

  /**
   * @throws IllegalStateException on an endpoint that does not authenticate (a programming error:
   *     only the open paths, which ask nobody, come without a key)
   */
  public Principal principal() {
    if (principal == null) {
      throw new IllegalStateException("this request was not authenticated");
    }
    return principal;
  }

  public String userId() {
    return principal().userId();
  }

  /** The key's tier, as a control scope names it ({@code tier:pro}). */
  public String tier() {
    return principal().tier().wire();
  }

  /**
   * Whether the key's user is private: their trades never reach the community statistics and their
   * confidence draws nothing from them ({@link Principal#privateUser}).
   */
  public boolean isPrivate() {
    return principal().privateUser();
  }

  public boolean isAdmin() {
    return principal().has(Role.ADMIN);
  }

  /**
   * Who the audit log records for a command this caller issues: the key id (public, names the key
   * in {@code ./hivemind keys list} and {@code revoke}) and the key's user.
   */
  public String actor() {
    return "key:" + principal().keyId() + "/" + principal().userId();
  }

  /**
   * The user whose data a read asks for: the key's own when none is named; another user only for an
   * admin key.
   *
   * @throws NotYourUserException naming {@code field} otherwise
   */
  public String readableUser(String field, String requested) {
    if (requested == null || requested.equals(userId())) {
      return userId();
    }
    if (isAdmin()) {
      return requested;
    }
    throw new NotYourUserException(
        List.of(new Violation(field, "must be the key's own user " + userId() + " (or absent)")));
  }
}
