package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The machine-readable contract: each service's OpenAPI document and Swagger UI are served without
 * a key; the endpoints they list are exactly the ones the docs' tables describe; the Python client
 * calls nothing they do not list.
 */
@ExtendWith(LocalStack.Shared.class)
class OpenApiEndToEndTest {

  private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

  /** A table row's first cell: {@code `GET /api/x?…`}, {@code `GET`/`DELETE /api/y`}, several. */
  private static final Pattern DOCUMENTED =
      Pattern.compile(
          "`((?:GET|POST|PUT|DELETE)(?:`\\s*/\\s*`(?:GET|POST|PUT|DELETE))*)\\s+(/api/[^`?\\[\\s]*)");

  private static final Pattern CLIENT_CALL =
      Pattern.compile(
          "request\\(\\s*\"(GET|POST|PUT|DELETE)\",\\s*self\\.\\w+_url \\+ \"(/api/[^\"]+)\"");

  /** A signal or an outcome, POSTed (or buffered) by {@code _send(kind, "/api/…", body)}. */
  private static final Pattern CLIENT_SEND =
      Pattern.compile("_send\\(\\s*_buffer\\.\\w+,\\s*\"(/api/[^\"]+)\"");

  private static LocalStack stack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  @Test
  void everyServicePublishesItsContractAndSwaggerUiWithoutAKey() throws Exception {
    for (String service : services()) {
      HttpResponse<String> document = get(service + "/q/openapi?format=json");
      assertThat(document.statusCode()).as(service).isEqualTo(200);
      assertThat(Http.JSON.readTree(document.body()).path("openapi").asText()).startsWith("3.");
      HttpResponse<String> ui = get(service + "/q/swagger-ui/");
      assertThat(ui.statusCode()).as(service + " swagger-ui").isEqualTo(200);
      assertThat(ui.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }
  }

  @Test
  void theDocsDescribeExactlyTheEndpointsTheServicesServe() throws Exception {
    Set<String> served = served();
    Set<String> documented = documented();

    assertThat(served).as("served endpoints").hasSizeGreaterThan(30);
    assertThat(new TreeSet<>(difference(served, documented)))
        .as("served but in no table of docs/*.md")
        .isEmpty();
    assertThat(new TreeSet<>(difference(documented, served)))
        .as("in docs/*.md but served by no service")
        .isEmpty();
  }

  @Test
  void thePythonClientCallsOnlyWhatTheContractLists() throws Exception {
    Set<String> served = served();
    Set<String> called = new TreeSet<>();
    try (Stream<Path> sources =
        Files.list(CHECKOUT.resolve("clients/python/hivemind_client"))
            .filter(p -> p.toString().endsWith(".py"))) {
      for (Path source : sources.toList()) {
        String code = Files.readString(source);
        Matcher call = CLIENT_CALL.matcher(code);
        while (call.find()) {
          called.add(call.group(1) + " " + call.group(2));
        }
        Matcher send = CLIENT_SEND.matcher(code);
        while (send.find()) {
          called.add("POST " + send.group(1));
        }
      }
    }
    called.add("GET /api/control/stream"); // the control stream opens its own connection

    // signals, outcomes, events, heartbeat, win_probability, stats, the control stream
    assertThat(called).hasSizeGreaterThanOrEqualTo(7);
    assertThat(difference(called, served)).as("called but not in any OpenAPI document").isEmpty();
  }

  private Set<String> served() throws Exception {
    Set<String> endpoints = new TreeSet<>();
    for (String service : services()) {
      JsonNode paths =
          Http.JSON.readTree(get(service + "/q/openapi?format=json").body()).path("paths");
      paths
          .fields()
          .forEachRemaining(
              path ->
                  path.getValue()
                      .fieldNames()
                      .forEachRemaining(
                          method -> {
                            if (METHODS.contains(method) && path.getKey().startsWith("/api/")) {
                              endpoints.add(method.toUpperCase() + " " + path.getKey());
                            }
                          }));
    }
    return endpoints;
  }

  private static Set<String> documented() throws IOException {
    Set<String> endpoints = new TreeSet<>();
    try (Stream<Path> docs = Files.list(CHECKOUT.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
        for (String line : Files.readAllLines(doc)) {
          if (!line.startsWith("| `")) {
            continue;
          }
          String firstCell = line.substring(1, line.indexOf(" |", 1) + 1);
          Matcher endpoint = DOCUMENTED.matcher(firstCell);
          while (endpoint.find()) {
            for (String method : endpoint.group(1).replace("`", "").split("/")) {
              endpoints.add(method.strip() + " " + endpoint.group(2));
            }
          }
        }
      }
    }
    return endpoints;
  }

  private static Set<String> difference(Set<String> from, Set<String> without) {
    Set<String> left = new TreeSet<>(from);
    left.removeAll(without);
    return left;
  }

  private static List<String> services() {
    return List.of(
        stack.gateway(), stack.query(), stack.learner(), stack.analytics(), stack.notifier());
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
