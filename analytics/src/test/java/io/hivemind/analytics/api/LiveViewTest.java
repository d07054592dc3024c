package io.hivemind.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.analytics.domain.Award;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveViewTest {

  private static final Instant T = Instant.parse("2026-12-02T14:00:00Z");

  private static Award award(String badge, int minute) {
    return new Award(badge, "badges-v1", T.plusSeconds(60L * minute), "s" + minute);
  }

  private static List<String> events(List<LiveView.Update> updates) {
    return updates.stream().map(LiveView.Update::event).toList();
  }

  @Test
  void shouldSendTheFleetAndMeFirstThenOnlyWhenTheyChange() {
    LiveView view = new LiveView("alice", false);

    assertThat(events(view.check("fleet-1", "f1", "me-1", Map.of())))
        .containsExactly("fleet", "me");
    assertThat(view.check("fleet-1b", "f1", "me-1", Map.of())).isEmpty();
    assertThat(view.check("fleet-2", "f2", "me-1", Map.of()))
        .containsExactly(new LiveView.Update("fleet", "fleet-2"));
    assertThat(view.check("fleet-2", "f2", "me-2", Map.of()))
        .containsExactly(new LiveView.Update("me", "me-2"));
  }

  @Test
  void shouldSendABadgeOnceWhenItFirstAppearsAfterConnectingNeverTheOnesHeldBefore() {
    LiveView view = new LiveView("alice", false);
    view.check("f", "f", null, Map.of("alice", List.of(award("first-trade", 1))));

    List<LiveView.Update> next =
        view.check(
            "f",
            "f",
            null,
            Map.of("alice", List.of(award("first-trade", 1), award("trades-10", 9))));
    List<LiveView.Update> again =
        view.check(
            "f",
            "f",
            null,
            Map.of("alice", List.of(award("first-trade", 1), award("trades-10", 9))));

    assertThat(next)
        .containsExactly(
            new LiveView.Update(
                "badge", new Bodies.BadgeEvent("alice", "trades-10", T.plusSeconds(540))));
    assertThat(again).isEmpty();
  }

  @Test
  void shouldNeverSendABotAnotherUsersBadgeButAnAdminEveryones() {
    LiveView bot = new LiveView("alice", false);
    LiveView admin = new LiveView(null, true);
    bot.check("f", "f", null, Map.of());
    admin.check("f", "f", null, Map.of());
    Map<String, List<Award>> bobEarned = Map.of("bob", List.of(award("first-trade", 3)));

    assertThat(bot.check("f", "f", null, bobEarned)).isEmpty();
    assertThat(admin.check("f", "f", null, bobEarned))
        .containsExactly(
            new LiveView.Update(
                "badge", new Bodies.BadgeEvent("bob", "first-trade", T.plusSeconds(180))));
  }

  @Test
  void shouldSpreadABurstOverChecksInOrder() {
    LiveView admin = new LiveView(null, true);
    admin.check("f", "f", null, Map.of());
    List<Award> many = new ArrayList<>();
    for (int i = 0; i < LiveView.MAX_BADGES_PER_CHECK + 7; i++) {
      many.add(award("b" + i, i));
    }

    List<LiveView.Update> first = admin.check("f", "f", null, Map.of("bob", many));
    List<LiveView.Update> second = admin.check("f", "f", null, Map.of("bob", many));

    assertThat(first).hasSize(LiveView.MAX_BADGES_PER_CHECK);
    assertThat(((Bodies.BadgeEvent) first.get(0).body()).badge()).isEqualTo("b0");
    assertThat(second).hasSize(7);
    assertThat(((Bodies.BadgeEvent) second.get(6).body()).badge())
        .isEqualTo("b" + (LiveView.MAX_BADGES_PER_CHECK + 6));
  }
}
