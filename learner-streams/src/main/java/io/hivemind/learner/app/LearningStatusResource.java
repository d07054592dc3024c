package io.hivemind.learner.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /api/learning}: whether this instance is actually consuming, as Kafka Streams reports
 * it (not what the control topic asks), so operators and the kill-switch probe can see every
 * instance obey.
 */
@Path("/api/learning")
@Produces(MediaType.APPLICATION_JSON)
public class LearningStatusResource {

  private final KafkaStreams streams;

  LearningStatusResource(KafkaStreams streams) {
    this.streams = streams;
  }

  @GET
  public Map<String, String> status() {
    return Map.of(
        "learning", streams.isPaused() ? "PAUSED" : "RUNNING", "streams", streams.state().name());
  }
}
