package io.hivemind.access.domain;

import java.util.Objects;

/**
 * Who a request is from, as its key says: the only source of a request's user id once keys are
 * required.
 *
 * @param privateUser the user is private: contributes nothing to the community statistics and draws
 *     nothing from them ({@link KeyRecord#privateUser})
 */
public record Principal(String userId, Tier tier, Role role, String keyId, boolean privateUser) {

  public Principal {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(keyId, "keyId");
  }

  /** An ordinary (not private) user's principal. */
  public Principal(String userId, Tier tier, Role role, String keyId) {
    this(userId, tier, role, keyId, false);
  }

  /** Whether this key may use what needs {@code required} (see {@link Role#covers}). */
  public boolean has(Role required) {
    return role.covers(required);
  }
}
