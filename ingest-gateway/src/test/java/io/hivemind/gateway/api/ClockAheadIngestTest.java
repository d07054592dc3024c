package io.hivemind.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.schema.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13: a gateway whose clock runs two hours ahead. Uncorrected, the broker refuses every
 * record ({@code log.message.timestamp.after.max.ms}, 1 h) and every event was a 500. The gateway
 * measures the offset against the broker's append time and stamps its records with the corrected
 * time: events are accepted, stamped within seconds of the true time, and the offset is reported.
 */
@QuarkusTest
@TestProfile(ClockAheadIngestTest.HostClockAhead.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClockAheadIngestTest {

  static final String PREFIX = "gateway-clock-ahead.";
  private static final Topics TOPICS = new Topics(PREFIX);
  private static final Duration TOLERANCE = Duration.ofSeconds(5);

  public static class HostClockAhead extends SkewedHostClocks.Profile {
    public HostClockAhead() {
      super(PREFIX, SkewedHostClocks.SKEW);
    }
  }

  @Test
  void shouldReportTheHostClockTwoHoursAheadAsAnOffsetOfMinusTwoHours() {
    double expected = -SkewedHostClocks.SKEW.toMillis();

    await("the offset gauge at -2 h")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(SkewedHostClocks.offsetGaugeMillis())
                    .isBetween(expected - TOLERANCE.toMillis(), expected + TOLERANCE.toMillis()));
  }

  @Test
  void shouldStayReadyWhileTheOffsetIsCorrected() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'broker clock' }.status", equalTo("UP"));
  }

  @Test
  void shouldAcceptEventsStampedWithTheBrokersTimeNotTheHosts() {
    TestKeys.Key key = TestKeys.of(TOPICS).mint(TestKeys.newUser(), Tier.ELITE, Role.BOT);
    Map<String, Object> batch =
        Map.of(
            "signals", List.of(Bodies.signal(key.userId())),
            "outcomes", List.of(Bodies.outcome(key.userId())));

    long before = System.currentTimeMillis();
    JsonPath signal =
        SkewedHostClocks.post(key, "/api/signals", Bodies.signal(key.userId()))
            .statusCode(202)
            .extract()
            .jsonPath();
    JsonPath heartbeat =
        SkewedHostClocks.post(key, "/api/bots/heartbeat", Bodies.heartbeat(key.userId()))
            .statusCode(202)
            .extract()
            .jsonPath();
    SkewedHostClocks.post(key, "/api/events", batch).statusCode(202);
    long after = System.currentTimeMillis();

    try (TopicProbe probe = new TopicProbe()) {
      assertStampedBetween(
          probe.recordAt(TOPICS.signals, signal.getInt("partition"), signal.getLong("offset")),
          before,
          after);
      assertStampedBetween(
          probe.recordAt(
              TOPICS.heartbeats, heartbeat.getInt("partition"), heartbeat.getLong("offset")),
          before,
          after);
    }
  }

  private static void assertStampedBetween(
      ConsumerRecord<String, SpecificRecord> record, long before, long after) {
    assertThat(record.timestamp())
        .as("record timestamp of %s", record.topic())
        .isBetween(before - TOLERANCE.toMillis(), after + TOLERANCE.toMillis());
  }
}
