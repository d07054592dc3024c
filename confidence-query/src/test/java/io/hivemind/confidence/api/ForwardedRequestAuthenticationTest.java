package io.hivemind.confidence.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hivemind.confidence.service.QueryInstanceResource;
import io.hivemind.confidence.service.QueryKeys;
import io.hivemind.confidence.service.QueryKeys.Key;
import io.hivemind.testkit.KafkaStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request forwarded to the user's owner is authenticated there, with the caller's own key: this
 * instance stands as the owner, and the forwarder a non-owner uses sends it the question.
 */
@QuarkusTest
@QuarkusTestResource(KafkaStackResource.class)
@QuarkusTestResource(QueryInstanceResource.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ForwardedRequestAuthenticationTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration ANSWERED = Duration.ofSeconds(30);

  @Inject RequestForwarder forwarder;

  @TestHTTPResource("/")
  URL owner;

  @BeforeEach
  void awaitReadiness() {
    await("readiness")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
  }

  @Test
  void shouldAnswerAForwardedRequestForTheKeysOwnUser() {
    Key key = QueryKeys.bot(QueryKeys.newUser());

    Response answer = forward("/api/ml/stats?symbol=ES", Optional.of(key.header()));

    assertThat(answer.getStatus()).as(body(answer)).isEqualTo(200);
    assertThat(body(answer)).contains("\"user_id\":\"" + key.userId() + "\"");
  }

  @Test
  void shouldRefuseAForwardedRequestWithoutTheCallersKey() {
    Response answer = forward("/api/ml/stats?symbol=ES", Optional.empty());

    assertThat(answer.getStatus()).as(body(answer)).isEqualTo(401);
    assertThat(answer.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void shouldForbidAForwardedRequestForAnotherUser() {
    Key key = QueryKeys.bot(QueryKeys.newUser());

    Response answer =
        forward(
            "/api/ml/stats?symbol=ES&user_id=" + QueryKeys.newUser(), Optional.of(key.header()));

    assertThat(answer.getStatus()).as(body(answer)).isEqualTo(403);
    assertThat(body(answer)).contains("user_id");
  }

  /**
   * Forwards as a non-owner would, again while the answer is a 503: a bot retries those (the
   * owner's first answer on a cold, loaded test machine can outlast the forward timeout), and what
   * is tested here is the answer once there is one.
   */
  private Response forward(String uri, Optional<String> authorization) {
    AtomicReference<Response> answer = new AtomicReference<>();
    await("an answer other than 503")
        .atMost(ANSWERED)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              answer.set(
                  forwarder
                      .forward(
                          owner.getHost(),
                          owner.getPort(),
                          new ForwardableRequest(
                              HttpMethod.GET, uri, Optional.empty(), authorization))
                      .await()
                      .atMost(WAIT));
              return answer.get().getStatus() != 503;
            });
    return answer.get();
  }

  private static String body(Response answer) {
    return answer.getEntity() instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(answer.getEntity());
  }
}
