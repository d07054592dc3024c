package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The baseline the query benchmark ({@code ./hivemind bench query}) reads its figures beside: the
 * same HTTP stack and JSON writer as {@link WinProbabilityResource}, answered on the event loop
 * with a tiny body, without stores, routing or the model. The gap between the two is what a
 * question costs. It touches nothing: no store, no Kafka Streams call, no metric of its own.
 */
@Path("/api/bench")
public class BenchNoopResource {

  private static final Noop NOOP = new Noop("noop");

  @GET
  @Path("/noop")
  @NonBlocking
  @Produces(MediaType.APPLICATION_JSON)
  public Noop noop() {
    return NOOP;
  }

  /** {@code {"status":"noop"}}. */
  public record Noop(@JsonProperty("status") String status) {}
}
