package io.hivemind.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hivemind.access.domain.ApiKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a real HTTP server on 127.0.0.1 standing in for a service that reads keys late. */
@Timeout(20)
class KeyAcceptanceTest {

  private static final Duration MAX = Duration.ofMillis(800);
  private static final Duration PAUSE = Duration.ofMillis(20);

  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger refusalsLeft = new AtomicInteger();
  private volatile int finalStatus = 200;
  private HttpServer server;
  private URI base;
  private BotKeys keys;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    Map<String, ApiKey> byUser = new LinkedHashMap<>();
    byUser.put("first-user", ApiKey.generate(new SecureRandom()));
    byUser.put("last-user", ApiKey.generate(new SecureRandom()));
    keys = BotKeys.of(byUser);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    paths.add(exchange.getRequestURI().toString());
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    int status = refusalsLeft.getAndDecrement() > 0 ? 401 : finalStatus;
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private Duration await(List<KeyAcceptance.Probe> probes) throws InterruptedException {
    return new KeyAcceptance(HttpClient.newHttpClient(), MAX, PAUSE).awaitAccepted(keys, probes);
  }

  private List<KeyAcceptance.Probe> bothServices() {
    return List.of(
        KeyAcceptance.Probe.gateway(base, keys.lastUser()),
        KeyAcceptance.Probe.query(base, keys.lastUser()));
  }

  @Test
  void shouldWaitUntilEveryServiceAcceptsTheKeyWrittenLast() throws InterruptedException {
    refusalsLeft.set(3);

    await(bothServices());

    assertThat(paths)
        .hasSize(5)
        .startsWith(
            "/api/maintenance/status?user_id=last-user",
            "/api/maintenance/status?user_id=last-user",
            "/api/maintenance/status?user_id=last-user",
            "/api/maintenance/status?user_id=last-user")
        .endsWith("/api/ml/stats?user_id=last-user&symbol=ES");
    assertThat(authorizations).containsOnly(keys.authorization("last-user"));
  }

  @Test
  void shouldGiveUpWithinItsBoundNamingTheServiceAndNotTheKey() {
    refusalsLeft.set(Integer.MAX_VALUE);
    long started = System.nanoTime();

    assertThatThrownBy(() -> await(bothServices()))
        .isInstanceOf(KeyNotAcceptedException.class)
        .hasMessageContaining("ingest-gateway did not accept the keys just minted within 800 ms")
        .hasMessageContaining(base + "api/maintenance/status?user_id=last-user answered 401")
        .hasMessageNotContaining(keys.keyOf("last-user").reveal());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void shouldStopAtOnceOnAnAnswerThatWaitingCannotChange() {
    finalStatus = 403;

    assertThatThrownBy(() -> await(bothServices()))
        .isInstanceOf(KeyNotAcceptedException.class)
        .hasMessageContaining("ingest-gateway refused a freshly minted key")
        .hasMessageContaining("answered 403");
    assertThat(paths).hasSize(1);
  }

  @Test
  void shouldNameAServiceThatDoesNotAnswer() throws IOException {
    URI nobody;
    try (ServerSocket socket = new ServerSocket(0)) {
      nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    assertThatThrownBy(() -> await(List.of(KeyAcceptance.Probe.query(nobody, keys.lastUser()))))
        .isInstanceOf(KeyNotAcceptedException.class)
        .hasMessageContaining("confidence-query did not accept")
        .hasMessageContaining(nobody + "/api/ml/stats")
        .hasMessageContaining("did not answer");
  }
}
