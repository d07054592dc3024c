package io.hivemind.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.RegistryOutageResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway started while the schema registry cannot be reached (it keeps running behind a
 * proxy): its serializer has no schema yet, so an event cannot be written. The bot gets a 503
 * problem with {@code Retry-After}, never a 500, whether the registry refuses connections or
 * accepts them and never answers; once it is back, the same event is accepted.
 */
@QuarkusTest
@TestProfile(RegistryOutageIngestTest.StartedDuringOutage.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RegistryOutageIngestTest {

  static final String PREFIX = "gateway-registry-outage.";
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Topics of its own, and the registry refusing connections from the start. The prefix is profile
   * configuration: the control view reads it at static init.
   */
  public static class StartedDuringOutage implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("hivemind.topic-prefix", PREFIX);
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(
              RegistryOutageResource.class,
              Map.of("registry", "refuse", "hivemind.topic-prefix", PREFIX)));
    }
  }

  @Test
  void shouldAnswer503WithRetryAfterWhileTheRegistryIsAwayAndAcceptOnceItIsBack() {
    TestKeys.Key key =
        TestKeys.of(new Topics(PREFIX)).mint(TestKeys.newUser(), Tier.ELITE, Role.BOT);
    String signal = Bodies.json(Bodies.signal(key.userId()));

    unavailable(post(key, signal));

    RegistryOutageResource.proxy().hang();
    long started = System.nanoTime();
    unavailable(post(key, signal));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));

    RegistryOutageResource.proxy().forward();
    await("the signal accepted once the registry is back")
        .atMost(WAIT)
        .untilAsserted(() -> post(key, signal).statusCode(202));
  }

  private static ValidatableResponse post(TestKeys.Key key, String body) {
    return key.given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/signals")
        .then()
        .log()
        .ifValidationFails();
  }

  private static void unavailable(ValidatableResponse response) {
    response
        .statusCode(503)
        .contentType(startsWith("application/problem+json"))
        .header("Retry-After", equalTo("1"))
        .body("status", equalTo(503))
        .body("detail", containsString("retry"));
  }
}
