package io.hivemind.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.microsoft.kiota.ApiException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.rest.client.models.ProblemDetails;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The classifier on the exceptions the real serde throws: each case makes Apicurio's deserializer
 * (built by {@link AvroSerdes}, JDK HTTP client) fail against a stand-in registry that answers the
 * schema of id 1 as the registry's v3 API does, and misbehaves on demand.
 */
@Timeout(30)
class RegistryFaultsTest {

  private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

  private final CountDownLatch released = new CountDownLatch(1);
  private final List<Socket> held = new ArrayList<>();
  private HttpServer registry;
  private volatile Answer answer = Answer.SCHEMA;
  private byte[] signalBytes;

  enum Answer {
    SCHEMA,
    STATUS_503,
    STATUS_500_PROBLEM,
    STATUS_429,
    BARE_404,
    HANG
  }

  @BeforeEach
  void startRegistry() throws IOException {
    registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry.setExecutor(Executors.newCachedThreadPool());
    registry.createContext("/", this::serve);
    registry.start();
    // Avro binary of a signal, framed with schema id 1 (what the learner reads from a topic)
    byte[] avro =
        AvroSerdes.withoutRegistry().valueSerde(Signal.class).serializer().serialize("t", signal());
    signalBytes = ByteBuffer.allocate(5 + avro.length).put((byte) 0).putInt(1).put(avro).array();
  }

  @AfterEach
  void stopRegistry() throws IOException {
    released.countDown();
    registry.stop(0);
    for (Socket socket : held) {
      socket.close();
    }
  }

  @Test
  void shouldReadTheRecordWhenTheRegistryAnswers() {
    assertThat(deserializer(url()).deserialize("t", signalBytes)).isEqualTo(signal());
  }

  @Test
  void shouldCallARefusedConnectionATransportFault() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    String refused = "http://127.0.0.1:" + closedPort + "/apis/registry/v3";
    Throwable raw = rawFailureOf(refused);

    assertThat(raw)
        .isExactlyInstanceOf(RuntimeException.class)
        .hasRootCauseInstanceOf(ClosedChannelException.class);
    assertThat(raw.getCause().getCause()).isInstanceOf(ConnectException.class);
    assertThat(RegistryFaults.isTransport(raw)).isTrue();
    assertThat(RegistryFaults.isTransport(failureOf(refused))).isTrue();
  }

  @Test
  void shouldCallAConnectionClosedWithoutAnAnswerATransportFault() throws IOException {
    ServerSocket closing = new ServerSocket(0);
    Thread acceptor =
        new Thread(
            () -> {
              while (!closing.isClosed()) {
                try {
                  closing.accept().close();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    try {
      Throwable failure =
          failureOf("http://127.0.0.1:" + closing.getLocalPort() + "/apis/registry/v3");

      assertThat(failure).hasRootCauseInstanceOf(EOFException.class);
      assertThat(RegistryFaults.isTransport(failure)).isTrue();
    } finally {
      closing.close();
    }
  }

  @Test
  void shouldNotWaitForeverOnARegistryThatNeverAnswers() {
    answer = Answer.HANG;
    long started = System.nanoTime();

    Throwable failure = failureOf(url());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(failure).hasRootCauseInstanceOf(HttpTimeoutException.class);
    assertThat(RegistryFaults.isTransport(failure)).isTrue();
  }

  @Test
  void shouldCallA503A429AndA500ProblemTransportFaults() {
    for (Answer status : List.of(Answer.STATUS_503, Answer.STATUS_429, Answer.STATUS_500_PROBLEM)) {
      answer = status;
      Throwable raw = rawFailureOf(url());

      assertThat(raw.getCause()).as(status.name()).isInstanceOf(ApiException.class);
      assertThat(RegistryFaults.isTransport(raw)).as(status.name()).isTrue();
      assertThat(RegistryFaults.isTransport(failureOf(url()))).as(status.name()).isTrue();
    }
  }

  @Test
  void shouldCallAnAnswerThatIsNotTheRegistrysATransportFault() {
    // a proxy or a wrong path answering 404 without the registry's problem body: it did not say
    // the schema does not exist, so the record is not poison
    answer = Answer.BARE_404;

    // kiota cannot parse a text body as a problem: the raw failure names no status at all
    assertThat(rawFailureOf(url())).hasRootCauseInstanceOf(UnsupportedOperationException.class);
    assertThat(RegistryFaults.isTransport(failureOf(url()))).isTrue();
  }

  @Test
  void shouldCallAnUnknownSchemaIdNotARecord() {
    byte[] unknownId = signalBytes.clone();
    ByteBuffer.wrap(unknownId).putInt(1, 987_654);

    Throwable failure = catchThrowable(() -> deserializer(url()).deserialize("t", unknownId));

    assertThat(failure).hasCauseInstanceOf(ProblemDetails.class);
    assertThat(RegistryFaults.isTransport(failure)).isFalse();
  }

  @Test
  void shouldCallBytesWithoutTheMagicByteOrTooShortNotARecord() {
    Deserializer<Signal> deserializer = deserializer(url());

    Throwable badMagic =
        catchThrowable(
            () -> deserializer.deserialize("t", "poison".getBytes(StandardCharsets.UTF_8)));
    Throwable tooShort = catchThrowable(() -> deserializer.deserialize("t", new byte[] {0, 0}));

    assertThat(badMagic).isInstanceOf(IllegalStateException.class);
    assertThat(tooShort).isInstanceOf(BufferUnderflowException.class);
    assertThat(RegistryFaults.isTransport(badMagic)).isFalse();
    assertThat(RegistryFaults.isTransport(tooShort)).isFalse();
  }

  @Test
  void shouldCallAvroThatDoesNotDecodeNotARecordThoughItIsAnIoException() {
    Deserializer<Signal> deserializer = deserializer(url());
    byte[] truncated = Arrays.copyOf(signalBytes, 9);
    byte[] garbage = signalBytes.clone();
    Arrays.fill(garbage, 5, garbage.length, (byte) 0xff);

    Throwable eof = catchThrowable(() -> deserializer.deserialize("t", truncated));
    Throwable invalid = catchThrowable(() -> deserializer.deserialize("t", garbage));

    assertThat(eof).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(EOFException.class);
    assertThat(invalid).isInstanceOf(UncheckedIOException.class);
    assertThat(RegistryFaults.isTransport(eof)).isFalse();
    assertThat(RegistryFaults.isTransport(invalid)).isFalse();
  }

  @Test
  void shouldNotMistakeAnIoExceptionFromDecodingForTheNetworkWhateverWrapsIt() {
    byte[] truncated = Arrays.copyOf(signalBytes, 9);

    Throwable failure =
        catchThrowable(
            () ->
                AvroSerdes.withoutRegistry()
                    .valueSerde(Signal.class)
                    .deserializer()
                    .deserialize("t", Arrays.copyOfRange(truncated, 5, truncated.length)));

    assertThat(failure).hasRootCauseInstanceOf(EOFException.class);
    assertThat(RegistryFaults.isTransport(failure)).isFalse();
  }

  @Test
  void shouldRethrowOnlyTransportFaultsAsRegistryUnavailable() {
    answer = Answer.STATUS_503;
    RuntimeException transport = (RuntimeException) failureOf(url());
    RuntimeException poison = new IllegalStateException("Unknown magic byte!");

    Throwable thrown = catchThrowable(() -> RegistryFaults.throwIfTransport(transport, "signals"));

    assertThat(thrown)
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("signals")
        .hasMessageContaining("HTTP 503")
        .hasCause(transport);
    assertThat(RegistryFaults.isTransport(thrown)).isTrue();
    RegistryFaults.throwIfTransport(poison, "signals"); // returns: the caller dead-letters it
  }

  private Throwable failureOf(String registryUrl) {
    Throwable failure =
        catchThrowable(() -> deserializer(registryUrl).deserialize("t", signalBytes));
    assertThat(failure).as("the read failed").isNotNull();
    return failure;
  }

  /**
   * The same read through Apicurio's serde as it comes (no timeout, no guard around its client):
   * the raw shapes, for serdes not built by {@link AvroSerdes}.
   */
  private Throwable rawFailureOf(String registryUrl) {
    AvroSerde<Signal> plain = new AvroSerde<>();
    plain.configure(
        new HashMap<>(
            Map.of(
                SchemaResolverConfig.REGISTRY_URL,
                registryUrl,
                SchemaResolverConfig.HTTP_ADAPTER,
                "JDK",
                AvroSerdeConfig.AVRO_DATUM_PROVIDER,
                SpecificRecordDatumProvider.class)),
        false);
    Throwable failure = catchThrowable(() -> plain.deserializer().deserialize("t", signalBytes));
    assertThat(failure).as("the raw read failed").isNotNull();
    return failure;
  }

  private static Deserializer<Signal> deserializer(String registryUrl) {
    return new AvroSerdes.RegistrySerdes(registryUrl, Duration.ofSeconds(2), REQUEST_TIMEOUT)
        .valueSerde(Signal.class)
        .deserializer();
  }

  private String url() {
    return "http://127.0.0.1:" + registry.getAddress().getPort() + "/apis/registry/v3";
  }

  /** The registry's v3 API as the deserializer uses it: a schema by content id, its references. */
  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (answer) {
      case HANG -> {
        try {
          released.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
      }
      case STATUS_503 -> respond(exchange, 503, "text/plain", "unavailable");
      case STATUS_429 -> respond(exchange, 429, "text/plain", "slow down");
      case BARE_404 -> respond(exchange, 404, "text/plain", "");
      case STATUS_500_PROBLEM ->
          respond(exchange, 500, "application/json", "{\"status\":500,\"title\":\"boom\"}");
      case SCHEMA -> {
        if (path.endsWith("/ids/contentIds/1")) {
          respond(exchange, 200, "application/json", Signal.getClassSchema().toString());
        } else if (path.endsWith("/ids/contentIds/1/references")) {
          respond(exchange, 200, "application/json", "[]");
        } else {
          respond(
              exchange,
              404,
              "application/json",
              "{\"status\":404,\"name\":\"ContentNotFoundException\",\"title\":\"No content with"
                  + " this ID was found.\"}");
        }
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static Signal signal() {
    return new Signal(
        "s1",
        "u1",
        "ES",
        Side.LONG,
        4500.0,
        Instant.parse("2026-01-01T00:00:00Z"),
        "vwap_rsi",
        Map.of("rsi", 30.0));
  }
}
