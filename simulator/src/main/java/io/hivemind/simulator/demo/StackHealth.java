package io.hivemind.simulator.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Whether a service of the stack is ready: {@code GET /q/health/ready} answers 200. */
final class StackHealth {

  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient http;

  StackHealth(HttpClient http) {
    this.http = http;
  }

  /** Empty when ready; else what went wrong, naming the URL. */
  Optional<String> problemWith(String service, URI base) {
    URI ready = URI.create(base.toString().replaceAll("/+$", "") + "/q/health/ready");
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(ready).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 200) {
        return Optional.empty();
      }
      return Optional.of(
          service
              + " at "
              + base
              + " is not ready (GET "
              + ready
              + " answered "
              + response.statusCode()
              + ")");
    } catch (IOException e) {
      return Optional.of(
          service
              + " at "
              + base
              + " is unreachable (GET "
              + ready
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while checking " + ready);
    }
  }
}
