package io.hivemind.confidence.service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the instance under test its own identity: application id, state directory, replay job
 * directory and HTTP port. The port is chosen here rather than left to the server ({@code
 * test-port=0}) because Kafka Streams is started, with {@code application.server} in its config,
 * before the HTTP server binds; the advertised endpoint must be the one the instance really listens
 * on.
 */
public final class QueryInstanceResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    String run = UUID.randomUUID().toString();
    return Map.of(
        "quarkus.http.test-port", String.valueOf(freePort()),
        "quarkus.kafka-streams.application-id", "hivemind-confidence-query-test-" + run,
        "kafka-streams.state.dir",
            Path.of("target", "kafka-streams-state", run).toAbsolutePath().toString(),
        "hivemind.replay.dir", Path.of("target", "replays", run).toAbsolutePath().toString());
  }

  @Override
  public void stop() {
    // the state directory stays under target/ for a look after a failed run
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
