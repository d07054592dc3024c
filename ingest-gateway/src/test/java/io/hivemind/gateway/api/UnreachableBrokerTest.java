package io.hivemind.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.botapi.Problem;
import io.hivemind.gateway.kafka.EventPublisher;
import io.hivemind.gateway.kafka.ProducerSettings;
import io.hivemind.gateway.kafka.PublishException;
import io.hivemind.gateway.kafka.PublishMetrics;
import io.hivemind.schema.Heartbeat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With no broker to reach, a publish fails within the send timeout and is answered 503. */
class UnreachableBrokerTest {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(1);
  private static final String TOPIC = "hivemind.heartbeats";

  private final ExecutorService workers = Executors.newSingleThreadExecutor();
  private EventPublisher publisher;

  @BeforeEach
  void startPublisherWithoutBroker() throws IOException {
    // what the bytes are does not matter: they never reach a broker
    Serializer<SpecificRecord> values = (topic, record) -> new byte[] {0};
    publisher =
        new EventPublisher(
            new KafkaProducer<>(
                ProducerSettings.forIngest("127.0.0.1:" + closedPort(), SEND_TIMEOUT),
                new StringSerializer(),
                values),
            values,
            SEND_TIMEOUT,
            new PublishMetrics(new SimpleMeterRegistry()),
            workers,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    publisher.close();
    workers.shutdownNow();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Heartbeat heartbeat() {
    return new Heartbeat(
        "a1b2c3d4e5f6", "1.4.2", "RUNNING", 0, List.of(), null, Instant.now(), List.of());
  }

  @Test
  @Timeout(10)
  void shouldAnswer503WithRetryAfterWithinTheSendTimeout() {
    long started = System.nanoTime();

    Throwable failure =
        publisher
            .publish(TOPIC, "a1b2c3d4e5f6", heartbeat())
            .subscribe()
            .withSubscriber(UniAssertSubscriber.create())
            .awaitFailure(Duration.ofSeconds(5))
            .getFailure();
    Response response =
        PublishExceptionMapper.toResponse((PublishException) failure, Duration.ofSeconds(2));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(SEND_TIMEOUT.plusSeconds(2));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    assertThat(((Problem) response.getEntity()).type()).isEqualTo(Problem.UNAVAILABLE);
  }

  @Test
  @Timeout(10)
  void shouldNotReportAnUnreachableTopicAsPrepared() {
    try {
      publisher.prepare(TOPIC, heartbeat());
    } catch (RuntimeException expected) {
      // no broker: metadata cannot be fetched within max.block.ms
    }
    assertThat(publisher.isPrepared(TOPIC)).isFalse();
  }
}
