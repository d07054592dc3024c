package io.hivemind.confidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.botapi.Problem;
import io.hivemind.confidence.query.QueryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutedAnswersTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ForwardableRequest REQUEST =
      new ForwardableRequest(
          HttpMethod.GET, "/api/ml/stats?user_id=u1", Optional.empty(), Optional.empty());

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RoutedAnswers answers =
      new RoutedAnswers(
          new RequestForwarder(vertx, Duration.ofMillis(500), Duration.ofSeconds(1)), meters);

  @AfterEach
  void closeVertx() {
    vertx.closeAndAwait();
  }

  @Test
  void shouldAnswer200WithTheLocalAnswer() {
    Response response = respond(new QueryResult.Local<>("stats"));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getEntity()).isEqualTo("STATS");
    assertThat(meters.counter("hivemind.query.results", "result", "local").count()).isEqualTo(1);
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenUnavailable() {
    Response response =
        respond(
            new QueryResult.Unavailable<>(Duration.ofMillis(1500), "Kafka Streams is REBALANCING"));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(((Problem) response.getEntity()).detail()).isEqualTo("Kafka Streams is REBALANCING");
  }

  @Test
  void shouldAnswerFromTheOwnerWhenRemote() {
    // nobody listens on port 1: the forwarder's own failure answer proves it was asked
    Response response = respond(new QueryResult.Remote<>("127.0.0.1", 1));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(meters.counter("hivemind.query.results", "result", "forwarded").count())
        .isEqualTo(1);
  }

  @Test
  void shouldAnswer200MarkedStaleWithTheCopysLag() {
    Response response =
        answers
            .respond(new QueryResult.Stale<>("stats", 12), Body::new, REQUEST)
            .await()
            .atMost(WAIT);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getEntity()).isEqualTo(new Body("stats", Freshness.stale(12)));
    assertThat(meters.counter("hivemind.query.results", "result", "stale").count()).isEqualTo(1);
  }

  @Test
  void shouldAnswerFromItsCopyWhenTheOwnerDoesNotAnswer() {
    // nobody listens on port 1: the owner is gone, this instance's standby answers
    QueryResult<String> remote =
        new QueryResult.Remote<>(
            "127.0.0.1", 1, Optional.of(() -> new QueryResult.Stale<>("stats", 3)));

    Response response = answers.respond(remote, Body::new, REQUEST).await().atMost(WAIT);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getEntity()).isEqualTo(new Body("stats", Freshness.stale(3)));
  }

  @Test
  void shouldAnswer503WhenNeitherTheOwnerNorItsCopyCan() {
    QueryResult<String> remote =
        new QueryResult.Remote<>(
            "127.0.0.1",
            1,
            Optional.of(() -> new QueryResult.Unavailable<>(Duration.ofSeconds(1), "store moved")));

    Response response = answers.respond(remote, Body::new, REQUEST).await().atMost(WAIT);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(((Problem) response.getEntity()).detail()).isEqualTo("store moved");
  }

  private Response respond(QueryResult<String> result) {
    return answers.respond(result, String::toUpperCase, REQUEST).await().atMost(WAIT);
  }

  /** An answer body that says how current it is, as the service's bodies do. */
  record Body(String stats, Freshness freshness) implements Freshness.Marked {

    Body(String stats) {
      this(stats, Freshness.FRESH);
    }

    @Override
    public Body withFreshness(Freshness marked) {
      return new Body(stats, marked);
    }
  }
}
