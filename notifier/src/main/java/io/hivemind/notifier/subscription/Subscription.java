package io.hivemind.notifier.subscription;

import io.hivemind.notifier.event.Audience;
import io.hivemind.notifier.event.EventKind;
import io.hivemind.notifier.event.Notification;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A registered destination for one audience's events.
 *
 * @param events the kinds it wants; empty for every kind
 * @param secret the HMAC-SHA256 key its deliveries are signed with, shown once at registration
 */
public record Subscription(
    String id,
    Audience audience,
    Destination destination,
    Set<EventKind> events,
    String secret,
    Instant created) {

  public Subscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(secret, "secret");
    events = events == null ? Set.of() : Set.copyOf(events);
  }

  /**
   * Whether {@code notification} goes here: its audience is this one (a user's subscription never
   * sees another user's events, and the fleet's sees the fleet's) and its kind is wanted. A ping
   * goes only to the subscription it was sent to, by id, never through this test.
   */
  public boolean wants(Notification notification) {
    return notification.kind() != EventKind.PING
        && audience.equals(notification.audience())
        && (events.isEmpty() || events.contains(notification.kind()));
  }
}
