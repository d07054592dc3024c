package io.hivemind.schema;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Whether the schema registry answers now: {@code GET <v3 API>/system/info} is a 200. */
public final class RegistryProbe implements BooleanSupplier {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final URI info;

  /**
   * @param registryUrl the registry's v3 API base, as {@link AvroSerdes#registry} takes it
   */
  public RegistryProbe(String registryUrl) {
    this.info = URI.create(registryUrl.replaceAll("/+$", "") + "/system/info");
  }

  @Override
  public boolean getAsBoolean() {
    try {
      return http.send(
                  HttpRequest.newBuilder(info).timeout(TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
