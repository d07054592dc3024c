package io.hivemind.gateway.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.schema.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13, the other way: a gateway whose clock runs two hours behind would find a bot's correct
 * event time two hours "in the future" and refuse it. Event times are judged against the broker's
 * time as the gateway measured it, so a correct bot is accepted and the skew bound still holds
 * against the true time.
 */
@QuarkusTest
@TestProfile(ClockBehindIngestTest.HostClockBehind.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClockBehindIngestTest {

  static final String PREFIX = "gateway-clock-behind.";
  private static final Topics TOPICS = new Topics(PREFIX);

  public static class HostClockBehind extends SkewedHostClocks.Profile {
    public HostClockBehind() {
      super(PREFIX, SkewedHostClocks.SKEW.negated());
    }
  }

  @Test
  void shouldAcceptABotsCorrectEventTimeThoughTheHostClockIsBehind() {
    TestKeys.Key key = TestKeys.of(TOPICS).mint(TestKeys.newUser(), Tier.ELITE, Role.BOT);

    SkewedHostClocks.post(key, "/api/signals", signalAt(key, Instant.now())).statusCode(202);
  }

  @Test
  void shouldStillRefuseAnEventTimeBeyondTheSkewOfTheTrueTime() {
    TestKeys.Key key = TestKeys.of(TOPICS).mint(TestKeys.newUser(), Tier.ELITE, Role.BOT);
    // hivemind.ingest.max-clock-skew is 5 min
    Instant tooLate = Instant.now().plus(Duration.ofMinutes(10));

    SkewedHostClocks.post(key, "/api/signals", signalAt(key, tooLate))
        .statusCode(400)
        .body("status", equalTo(400))
        .body("violations.field", hasItem("timestamp"));
  }

  private static Map<String, Object> signalAt(TestKeys.Key key, Instant time) {
    Map<String, Object> signal = Bodies.signal(key.userId());
    signal.put("timestamp", time.truncatedTo(ChronoUnit.MILLIS).toString());
    return signal;
  }
}
