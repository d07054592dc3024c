package io.hivemind.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client, as a bot would use. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * {@code body}: the JSON answered, or the text as a JSON string when it is not JSON (an HTML
   * error page, say), so a test can say what it got. {@code retryAfter}: the header, or null.
   */
  record Answer(int status, String contentType, JsonNode body, String retryAfter) {

    boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }
  }

  /** {@code headers}: name, value, name, value… (e.g. an {@code Authorization}). */
  Answer post(String url, Object body, String... headers) throws IOException, InterruptedException {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(
        request(url, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** The header a key is sent in. */
  static String[] bearer(String key) {
    return new String[] {"Authorization", "Bearer " + key};
  }

  Answer get(String url, String... headers) throws IOException, InterruptedException {
    return send(request(url, headers).GET().build());
  }

  private static HttpRequest.Builder request(String url, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    return headers.length == 0 ? builder : builder.headers(headers);
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        json(response.body()),
        response.headers().firstValue("Retry-After").orElse(null));
  }

  private static JsonNode json(String body) {
    if (body == null || body.isBlank()) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
