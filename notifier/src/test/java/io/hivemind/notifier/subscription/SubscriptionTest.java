package io.hivemind.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.notifier.event.Audience;
import io.hivemind.notifier.event.EventKind;
import io.hivemind.notifier.event.Notification;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final Destination HOOK =
      Destination.of(Destination.Kind.WEBHOOK, "https://hook.example/x", null);

  private static Subscription of(Audience audience, Set<EventKind> events) {
    return new Subscription("s", audience, HOOK, events, "whsec_x", Instant.EPOCH);
  }

  private static Notification event(EventKind kind, Audience audience) {
    return new Notification("id", kind, audience, Instant.EPOCH, "t", null, null);
  }

  @Test
  void shouldNeverSeeAnotherUsersEvents() {
    Subscription alice = of(Audience.user("alice"), null);

    assertThat(alice.wants(event(EventKind.TRADE_CLOSED, Audience.user("alice")))).isTrue();
    assertThat(alice.wants(event(EventKind.TRADE_CLOSED, Audience.user("bob")))).isFalse();
    assertThat(alice.wants(event(EventKind.CONTROL_CHANGED, Audience.FLEET))).isFalse();
  }

  @Test
  void shouldSeeTheFleetsEventsOnlyAsTheFleet() {
    Subscription fleet = of(Audience.FLEET, null);

    assertThat(fleet.wants(event(EventKind.BOT_SILENT, Audience.FLEET))).isTrue();
    assertThat(fleet.wants(event(EventKind.TRADE_CLOSED, Audience.user("alice")))).isFalse();
  }

  @Test
  void shouldTakeOnlyTheKindsItAsksForAndNeverABroadcastPing() {
    Subscription trades = of(Audience.user("alice"), Set.of(EventKind.TRADE_CLOSED));

    assertThat(trades.wants(event(EventKind.TRADE_CLOSED, Audience.user("alice")))).isTrue();
    assertThat(trades.wants(event(EventKind.STREAK, Audience.user("alice")))).isFalse();
    assertThat(
            of(Audience.user("alice"), null).wants(event(EventKind.PING, Audience.user("alice"))))
        .isFalse();
  }
}
