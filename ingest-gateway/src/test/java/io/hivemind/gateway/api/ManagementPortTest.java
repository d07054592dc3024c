package io.hivemind.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.gateway.access.TestKeys;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway built with {@code quarkus.management.enabled=true} (ADR 24): health and metrics
 * answer on the management port and no longer on the API's, while the OpenAPI document stays on the
 * API's port for bot authors.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@TestProfile(ManagementPortTest.ManagementInterface.class)
class ManagementPortTest {

  /** The build-time switch, as {@code mvn package -Dquarkus.management.enabled=true} sets it. */
  public static class ManagementInterface implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.management.enabled", "true");
    }
  }

  // on the management port, its root is /q: these are /q/health/ready, /q/metrics, /q/openapi
  @TestHTTPResource(value = "/health/ready", management = true)
  URL managementReady;

  @TestHTTPResource(value = "/metrics", management = true)
  URL managementMetrics;

  @TestHTTPResource(value = "/openapi", management = true)
  URL managementOpenApi;

  @TestHTTPResource("/q")
  URL api;

  @Test
  void shouldAnswerHealthAndMetricsOnTheManagementPortOnly() {
    given().get(managementReady).then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get(managementMetrics)
        .then()
        .statusCode(200)
        .body(containsString("hivemind_clock_offset"));

    // the API's port serves neither: without a key it is refused as any unknown path, and with
    // one there is nothing there
    given().get(api + "/health/ready").then().statusCode(401);
    TestKeys.admin().given().get(api + "/health/ready").then().statusCode(404);
    TestKeys.admin().given().get(api + "/metrics").then().statusCode(404);
  }

  @Test
  void shouldKeepTheContractOnTheApiPortWithoutAKey() {
    given()
        .get(api + "/openapi?format=json")
        .then()
        .statusCode(200)
        .body("openapi", startsWith("3."));
    given().get(api + "/swagger-ui/").then().statusCode(200);
    given().get(managementOpenApi).then().statusCode(404);
  }
}
