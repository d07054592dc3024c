package io.hivemind.notifier.event;

import java.util.Objects;

/**
 * Whose events these are: one user's (their trades, badges, their bot falling silent), or the
 * fleet's (kill-switch changes, crashed bots, learning). A bot key subscribes its own user's; only
 * an admin key subscribes the fleet's.
 *
 * @param userId the user, or null for the fleet
 */
public record Audience(String userId) {

  public static final Audience FLEET = new Audience(null);

  public static Audience user(String userId) {
    return new Audience(Objects.requireNonNull(userId, "userId"));
  }

  public boolean isFleet() {
    return userId == null;
  }

  /** {@code user:<id>} or {@code fleet}: the key of its notifications in Kafka. */
  public String key() {
    return isFleet() ? "fleet" : "user:" + userId;
  }
}
