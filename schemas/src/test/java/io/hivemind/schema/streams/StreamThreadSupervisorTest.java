package io.hivemind.schema.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.RegistryUnavailableException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StreamThreadSupervisorTest {

  private static final Duration PROBE_EVERY = Duration.ofMillis(10);

  private final AtomicInteger probes = new AtomicInteger();

  @Test
  void shouldReplaceAThreadThatDiedOnARegistryFaultOnlyOnceTheRegistryAnswers() {
    StreamThreadSupervisor supervisor = supervisor(() -> probes.incrementAndGet() >= 3);

    StreamThreadExceptionResponse response = supervisor.handle(registryFault());

    assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(probes).hasValue(3);
    assertThat(supervisor.replacements()).isEqualTo(1);
    assertThat(supervisor.isWaiting()).isFalse();
  }

  @Test
  void shouldReplaceAThreadThatDiedOnARetriableKafkaErrorWithoutAskingTheRegistry() {
    StreamThreadSupervisor supervisor = supervisor(() -> probes.incrementAndGet() < 0);

    StreamThreadExceptionResponse response =
        supervisor.handle(new StreamsException("task timeout", new TimeoutException("broker")));

    assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(probes).hasValue(0);
  }

  @Test
  void shouldShutTheClientDownOnAFaultThatAReplacementCannotCure() {
    StreamThreadSupervisor supervisor = supervisor(() -> true);

    StreamThreadExceptionResponse response =
        supervisor.handle(
            new StreamsException("Deserialization exception", new IllegalStateException("magic")));

    assertThat(response).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(supervisor.replacements()).isZero();
  }

  @Test
  void shouldShutTheClientDownWhenTheGlobalThreadDies() throws Exception {
    StreamThreadSupervisor supervisor = supervisor(() -> true);
    CompletableFuture<StreamThreadExceptionResponse> response = new CompletableFuture<>();

    Thread global =
        new Thread(
            () -> response.complete(supervisor.handle(registryFault())),
            "app-1234-GlobalStreamThread");
    global.start();

    assertThat(response.get(5, TimeUnit.SECONDS))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void shouldStopWaitingForTheRegistryWhenReleased() throws Exception {
    StreamThreadSupervisor supervisor = supervisor(() -> false);
    CompletableFuture<StreamThreadExceptionResponse> response =
        CompletableFuture.supplyAsync(() -> supervisor.handle(registryFault()));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(supervisor::isWaiting);

    supervisor.release();

    assertThat(response.get(5, TimeUnit.SECONDS))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  private StreamThreadSupervisor supervisor(BooleanSupplier registryAnswers) {
    return new StreamThreadSupervisor(
        new RestartBackoff(Duration.ZERO, Duration.ofMillis(100)),
        registryAnswers,
        PROBE_EVERY,
        Clock.systemUTC());
  }

  /** As Kafka Streams hands it over: its wrapper around what the topology threw. */
  private static Throwable registryFault() {
    return new StreamsException(
        "Exception caught in process",
        new RegistryUnavailableException(
            "reading hivemind.outcomes",
            new RuntimeException(new RuntimeException(new ConnectException()))));
  }
}
