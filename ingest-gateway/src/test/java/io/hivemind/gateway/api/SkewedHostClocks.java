package io.hivemind.gateway.api;

import static io.restassured.RestAssured.given;

import io.hivemind.gateway.access.TestKeys;
import io.hivemind.schema.Topics;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's host clock set wrong, as {@code FAKETIME} would: each profile shifts the one {@link
 * java.time.Clock} the gateway reads by {@link #SKEW} either way ({@code
 * hivemind.clock.host-offset}, what {@code ./hivemind chaos} sets), on topics of its own. The
 * broker (same JVM, true clock) keeps the true time.
 */
final class SkewedHostClocks {

  static final Duration SKEW = Duration.ofHours(2);

  private static final Pattern OFFSET_GAUGE =
      Pattern.compile("(?m)^hivemind_clock_offset_milliseconds(?:\\{[^}]*\\})? (\\S+)$");

  private SkewedHostClocks() {}

  /** Topics of its own under {@code prefix}, and the host clock shifted by {@code offset}. */
  abstract static class Profile implements QuarkusTestProfile {

    private final String prefix;
    private final Duration offset;

    Profile(String prefix, Duration offset) {
      this.prefix = prefix;
      this.offset = offset;
    }

    Topics topics() {
      return new Topics(prefix);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      // the control view reads the prefix at static init; the offset is the gateway's own
      // drill setting, which shifts the one clock it reads
      return Map.of(
          "hivemind.topic-prefix", prefix, "hivemind.clock.host-offset", offset.toString());
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
