package io.hivemind.gateway.api;

import static io.restassured.RestAssured.given;

import io.hivemind.gateway.access.TestKeys;
import io.hivemind.schema.Topics;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's host clock set wrong, as {@code FAKETIME} would: each profile replaces the one
 * {@link Clock} the gateway reads with one shifted by {@link #SKEW} either way, on topics of its
 * own. The broker (same JVM, true clock) keeps the true time.
 */
final class SkewedHostClocks {

  static final Duration SKEW = Duration.ofHours(2);

  private static final Pattern OFFSET_GAUGE =
      Pattern.compile("(?m)^hivemind_clock_offset_milliseconds(?:\\{[^}]*\\})? (\\S+)$");

  private SkewedHostClocks() {}

  /** The host clock two hours ahead of the broker's. */
  @Alternative
  @Singleton
  static final class Ahead {
    @Produces
    @Alternative
    @Singleton
    Clock clock() {
      return Clock.offset(Clock.systemUTC(), SKEW);
    }
  }

  /** The host clock two hours behind the broker's. */
  @Alternative
  @Singleton
  static final class Behind {
    @Produces
    @Alternative
    @Singleton
    Clock clock() {
      return Clock.offset(Clock.systemUTC(), SKEW.negated());
    }
  }

  /** Topics of its own under {@code prefix}, and the host clock {@code clock}. */
  abstract static class Profile implements QuarkusTestProfile {

    private final String prefix;
    private final Class<?> clock;

    Profile(String prefix, Class<?> clock) {
      this.prefix = prefix;
      this.clock = clock;
    }

    Topics topics() {
      return new Topics(prefix);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      // the control view reads the prefix at static init
      return Map.of("hivemind.topic-prefix", prefix);
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(clock);
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OwnTopicsResource.class, Map.of("prefix", prefix)));
    }
  }

  /** What the gauge {@code hivemind.clock.offset} reports now, in ms. */
  static double offsetGaugeMillis() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher gauge = OFFSET_GAUGE.matcher(metrics);
    if (!gauge.find()) {
      throw new AssertionError("no hivemind_clock_offset_milliseconds in /q/metrics");
    }
    return Double.parseDouble(gauge.group(1));
  }

  static ValidatableResponse post(TestKeys.Key key, String path, Object body) {
    return key.given()
        .contentType(ContentType.JSON)
        .body(Bodies.json(body))
        .post(path)
        .then()
        .log()
        .ifValidationFails();
  }
}
