package io.hivemind.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on 127.0.0.1 for the notifier's tests (webhooks, chat services): each path
 * answers from its script (status, headers, a delay before answering), then 200 once the script is
 * used up, and every request is recorded with its headers, body and arrival time.
 */
public final class WebhookReceiver implements AutoCloseable {

  public record Answer(int status, Map<String, String> headers, long delayMillis) {
    public static Answer status(int status) {
      return new Answer(status, Map.of(), 0);
    }
  }

  public record Received(String path, Map<String, String> headers, String body, Instant at) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final Map<String, ConcurrentLinkedDeque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Answer> always = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** {@code path} answers these, in order, then 200. */
  public void script(String path, Answer... answers) {
    scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
  }

  /** {@code path} answers this every time. */
  public void always(String path, Answer answer) {
    always.put(path, answer);
  }

  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String path = exchange.getRequestURI().getPath();
    Map<String, String> headers = new java.util.HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
    received.add(new Received(path, headers, body, Instant.now()));
    Answer answer = always.get(path);
    if (answer == null) {
      ConcurrentLinkedDeque<Answer> script = scripts.get(path);
      answer = script == null ? null : script.poll();
    }
    if (answer == null) {
      answer = Answer.status(200);
    }
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis()); // the receiver is slow: the client's timeout is tested
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(answer.status(), -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
