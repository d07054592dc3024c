package io.hivemind.control.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotRosterTest {

  private static final Instant NOW = Instant.parse("2026-03-18T16:00:00Z");

  private final BotRoster roster = new BotRoster();

  private static BotHeartbeat heartbeat(String userId, Instant at, int openPositions) {
    return new BotHeartbeat(userId, "1.4.0", "RUNNING", openPositions, List.of("ES"), at, null);
  }

  @Test
  void shouldKeepTheNewerHeartbeatWhenAnOlderOneArrivesLater() {
    BotHeartbeat newer = heartbeat("abc", NOW, 2);
    roster.record(newer);

    roster.record(heartbeat("abc", NOW.minusSeconds(30), 5));

    assertThat(roster.latestOf("abc")).contains(newer);
  }

  @Test
  void shouldReplaceAHeartbeatWithANewerOne() {
    roster.record(heartbeat("abc", NOW.minusSeconds(30), 5));
    BotHeartbeat newer = heartbeat("abc", NOW, 2);

    roster.record(newer);

    assertThat(roster.latestOf("abc")).contains(newer);
  }

  @Test
  void shouldKnowNothingOfABotNeverHeardFrom() {
    assertThat(roster.latestOf("abc")).isEmpty();
  }

  @Test
  void shouldListOnlyBotsHeardFromWithinTheWindowByUserId() {
    roster.record(heartbeat("zed", NOW.minusSeconds(10), 0));
    roster.record(heartbeat("abc", NOW.minusSeconds(59), 0));
    roster.record(heartbeat("old", NOW.minusSeconds(61), 0));
    roster.record(heartbeat("edge", NOW.minusSeconds(60), 0));

    assertThat(roster.activeAt(NOW, Duration.ofSeconds(60)))
        .extracting(BotHeartbeat::userId)
        .containsExactly("abc", "zed");
  }

  @Test
  void shouldCountAnOutOfOrderHeartbeatOnlyByTheNewestOne() {
    roster.record(heartbeat("abc", NOW.minusSeconds(10), 0));
    roster.record(heartbeat("abc", NOW.minusSeconds(600), 0));

    assertThat(roster.activeAt(NOW, Duration.ofSeconds(60))).hasSize(1);
  }
}
