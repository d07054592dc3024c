package io.hivemind.confidence.service;

import io.hivemind.schema.RegistryUnavailableException;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.ConnectException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Test-only endpoints that fail as production code may: inside a REST resource and in a plain
 * Vert.x route, with a registry transport fault, a broker timeout, or a bug.
 */
@Path("/api/test-failures")
@Produces(MediaType.APPLICATION_JSON)
public class FailingTestEndpoints {

  @GET
  @Path("/{kind}")
  public String fail(@PathParam("kind") String kind) {
    throw failure(kind);
  }

  static RuntimeException failure(String kind) {
    return switch (kind) {
      case "registry" ->
          new RuntimeException(
              new RegistryUnavailableException(
                  "at http://registry", new RuntimeException(new ConnectException())));
      case "broker" -> new TimeoutException("Topic not present in metadata after 5000 ms.");
      default -> new IllegalStateException("a bug with a secret in its message");
    };
  }

  /** The same failures from a Vert.x route, outside JAX-RS. */
  @ApplicationScoped
  static class Route {

    void install(@Observes StartupEvent start, Router router) {
      router
          .get("/test-vertx-failures/:kind")
          .handler(context -> context.fail(failure(context.pathParam("kind"))));
    }
  }
}
