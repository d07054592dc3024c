package io.hivemind.confidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.botapi.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a real HTTP server standing in for the instance that owns the user. */
@Timeout(30)
class RequestForwarderTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(2);

  private final Vertx vertx = Vertx.vertx();
  private final RequestForwarder forwarder =
      new RequestForwarder(vertx, FORWARD_TIMEOUT, Duration.ofSeconds(1));
  private final CompletableFuture<Received> received = new CompletableFuture<>();

  record Received(
      HttpMethod method, String uri, String forwardedHeader, String authorization, String body) {}

  @AfterEach
  void closeVertx() {
    forwarder.close();
    vertx.closeAndAwait();
  }

  @Test
  void shouldAskTheOwnerTheSameQuestionMarkedAsForwarded() {
    int port = owner(request -> request.response().endAndForget("{}"));

    Response response =
        forward(
            port,
            new ForwardableRequest(
                HttpMethod.GET,
                "/api/ml/stats?user_id=u1&symbol=ES",
                Optional.empty(),
                Optional.of("Bearer hm_key")));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(received.join())
        .isEqualTo(
            new Received(
                HttpMethod.GET, "/api/ml/stats?user_id=u1&symbol=ES", "1", "Bearer hm_key", ""));
  }

  @Test
  void shouldSendAPostedSignalAlongAsJson() {
    int port = owner(request -> request.response().endAndForget("{}"));

    forward(
        port,
        new ForwardableRequest(
            HttpMethod.POST,
            "/api/ml/win_probability",
            Optional.of(Map.of("user_id", "u1")),
            Optional.of("Bearer hm_key")));

    assertThat(received.join().body()).isEqualTo("{\"user_id\":\"u1\"}");
    assertThat(received.join().authorization()).isEqualTo("Bearer hm_key");
  }

  @Test
  void shouldRelayTheOwnersAnswerAsItGaveIt() {
    int port =
        owner(
            request ->
                request
                    .response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", "3")
                    .endAndForget("{\"status\":503}"));

    Response response = forward(port, get());

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("3");
    assertThat(response.getHeaderString("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(new String((byte[]) response.getEntity(), StandardCharsets.UTF_8))
        .isEqualTo("{\"status\":503}");
  }

  @Test
  void shouldRelayHowToAuthenticateWhenTheOwnerRefusesTheKey() {
    int port =
        owner(
            request ->
                request
                    .response()
                    .setStatusCode(401)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer realm=\"hivemind\"")
                    .endAndForget("{\"status\":401}"));

    Response response = forward(port, get());

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"hivemind\"");
  }

  @Test
  void shouldNeverShowTheCredentialsWhenPrinted() {
    assertThat(get().toString()).doesNotContain("hm_key").contains("/api/ml/stats");
  }

  @Test
  void shouldBeUnavailableWhenTheOwnerCannotBeReached() {
    Response response = forward(closedPort(), get());

    assertThatUnavailable(response);
  }

  @Test
  void shouldBeUnavailableWhenTheOwnerDoesNotAnswerInTime() {
    int port = owner(request -> {}); // takes the request and never answers

    long started = System.nanoTime();
    Response response = forward(port, get());

    assertThatUnavailable(response);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);
  }

  private static void assertThatUnavailable(Response response) {
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
  }

  private Response forward(int port, ForwardableRequest request) {
    return forwarder.forward("127.0.0.1", port, request).await().atMost(WAIT);
  }

  private static ForwardableRequest get() {
    return new ForwardableRequest(
        HttpMethod.GET, "/api/ml/stats?user_id=u1", Optional.empty(), Optional.of("Bearer hm_key"));
  }

  /** Starts the stand-in owner; it records each request, then lets {@code answer} respond. */
  private int owner(Consumer<HttpServerRequest> answer) {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .subscribe()
                        .with(
                            body -> {
                              received.complete(
                                  new Received(
                                      request.method(),
                                      request.uri(),
                                      request.getHeader(ForwardableRequest.FORWARDED_HEADER),
                                      request.getHeader("Authorization"),
                                      body.toString()));
                              answer.accept(request);
                            }))
            .listen(0, "127.0.0.1")
            .await()
            .atMost(WAIT);
    return server.actualPort();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
