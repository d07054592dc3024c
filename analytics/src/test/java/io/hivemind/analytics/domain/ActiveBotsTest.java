package io.hivemind.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActiveBotsTest {

  @Test
  void shouldCountBotsWithAHeartbeatInTheWindow() {
    Instant now = Instant.parse("2026-11-20T15:00:00Z");
    Map<String, Long> last =
        Map.of(
            "a", now.minusSeconds(10).toEpochMilli(),
            "b", now.minus(Duration.ofMinutes(3)).toEpochMilli(), // on the edge: active
            "c", now.minus(Duration.ofMinutes(3)).minusMillis(1).toEpochMilli(),
            "d", now.plusSeconds(5).toEpochMilli()); // from the future: not counted
    assertThat(ActiveBots.count(last, now, ActiveBots.DEFAULT_WINDOW)).isEqualTo(2);
  }
}
