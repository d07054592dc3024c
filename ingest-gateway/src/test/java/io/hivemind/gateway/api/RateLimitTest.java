package io.hivemind.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.gateway.access.TestKeys;
import io.hivemind.gateway.access.TestKeys.Key;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Each key is held to its tier's rate (basic: 20 requests per second, burst 20). */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
class RateLimitTest {

  private static final int BASIC_PER_SECOND = 20;

  @Test
  void shouldAnswer429WithRetryAfterOnceABasicKeysBurstIsSpent() throws InterruptedException {
    Key basic = TestKeys.standard().mint(TestKeys.newUser(), Tier.BASIC, Role.BOT);
    // the bucket refills from the requests that waited for the key to be known
    Thread.sleep(1_100);

    int passed = 0;
    Response refused = null;
    for (int i = 0; i < 10 * BASIC_PER_SECOND && refused == null; i++) {
      Response answer = basic.given().get("/api/maintenance/status");
      if (answer.statusCode() == 429) {
        refused = answer;
      } else {
        assertThat(answer.statusCode()).isEqualTo(200);
        passed++;
      }
    }

    assertThat(refused).as("a 429 within ten seconds' worth of requests").isNotNull();
    assertThat(passed).as("the burst passed first").isGreaterThanOrEqualTo(BASIC_PER_SECOND);
    refused.then().contentType(startsWith("application/problem+json")).body("status", equalTo(429));
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isGreaterThanOrEqualTo(1);
    // another key's bucket is its own
    TestKeys.bot().given().get("/api/maintenance/status").then().statusCode(200);

    Thread.sleep(Integer.parseInt(refused.header("Retry-After")) * 1_000L);
    basic.given().get("/api/maintenance/status").then().statusCode(200);
  }
}
