package io.hivemind.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.botapi.SignalRequest;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * The baseline the ingest benchmark ({@code ./hivemind bench ingest}) reads its figures beside: the
 * same HTTP stack, on the event loop like {@link IngestResource}, binding the same {@link
 * SignalRequest} JSON with the same Jackson mapper, and answering 202 with a tiny JSON body, but
 * without Kafka. The gap between the two is what validation, Avro and the broker's acknowledgement
 * cost. It touches nothing: no validation, no topic, no state, no metric of its own.
 */
@Path("/api/bench")
public class BenchNoopResource {

  private static final Noop NOOP = new Noop("noop");

  @POST
  @Path("/noop")
  @NonBlocking
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @ResponseStatus(202)
  public Noop noop(SignalRequest request) {
    return NOOP;
  }

  /** {@code {"status":"noop"}}. */
  public record Noop(@JsonProperty("status") String status) {}
}
