package io.hivemind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The gateway's control endpoints, called as the operator with the admin key. */
final class Gateway {

  static final ObjectMapper JSON = new ObjectMapper();

  private final StackSettings settings;
  private final HttpClient http;

  Gateway(StackSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  JsonNode get(String what, String pathAndQuery) {
    return call(what, "GET", pathAndQuery, null);
  }

  JsonNode post(String what, String path, ObjectNode body) {
    return call(what, "POST", path, body);
  }

  private JsonNode call(String what, String method, String path, ObjectNode body) {
    String key = settings.adminKey();
    URI uri = URI.create(settings.gateway() + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + key)
            .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpResponse<String> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException(
          what
              + ": cannot reach the gateway at "
              + settings.gateway()
              + " ("
              + e
              + "); is it up? ./hivemind status shows what runs");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(what + ": interrupted");
    }
    int status = answer.statusCode();
    if (status / 100 == 2) {
      return parse(answer.body());
    }
    StringBuilder message =
        new StringBuilder(what + ": HTTP " + status + " from " + method + " " + uri + ":");
    Views.problemLines(answer.body()).forEach(line -> message.append("\n  ").append(line));
    if (status == 401) {
      message
          .append("\n  Was the admin key in ")
          .append(settings.adminKeyFile())
          .append(
              " revoked, or made for another stack's Kafka? A new one:\n  ./hivemind keys create")
          .append(" --user ")
          .append(settings.operator())
          .append(" --tier elite --role admin > ")
          .append(settings.adminKeyFile());
    } else if (status == 404) {
      message.append("\n  Does this gateway have the control plane? Rebuild and restart it.");
    }
    throw new CliException(message.toString());
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new CliException("the gateway answered something that is not JSON: " + body);
    }
  }
}
