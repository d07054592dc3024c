package io.hivemind.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A bot's open control stream ({@code GET /api/control/stream}, server-sent events), read line by
 * line on a thread of its own: every event, with the moment it arrived.
 */
final class ControlStream implements AutoCloseable {

  private static final Duration CONNECT_BOUND = Duration.ofSeconds(10);

  /** One event: its name ({@code control}), its data as JSON, when it was read. */
  record Event(String name, JsonNode data, long arrivedNanos) {
    String tradingState() {
      return data.path("trading_state").asText();
    }
  }

  private final List<Event> events = new ArrayList<>();
  private final Stream<String> lines;
  private final Thread reader;
  private volatile boolean closed;
  private volatile RuntimeException failure;

  private ControlStream(Stream<String> lines) {
    this.lines = lines;
    this.reader = new Thread(this::read, "control-stream-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the stream; returns once the gateway has answered 200 with an event stream. */
  /** {@code key}: the bot's API key, which the stream is opened with. */
  static ControlStream open(String url, String key) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .headers(Http.bearer(key))
            .GET()
            .build();
    HttpResponse<Stream<String>> response;
    var pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    try {
      // bounds the wait for the headers only: the body is meant to go on for as long as it is read
      response = pending.get(CONNECT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IOException("could not open " + url, e.getCause());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new IOException("no answer from " + url + " within " + CONNECT_BOUND);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200 || !contentType.startsWith("text/event-stream")) {
      response.body().close();
      throw new IOException(
          url + " answered " + response.statusCode() + " " + contentType + ", not an event stream");
    }
    return new ControlStream(response.body());
  }

  /** Every event read so far, oldest first. */
  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  synchronized int size() {
    return events.size();
  }

  /** The first event at or after position {@code from} whose trading state is {@code state}. */
  synchronized Optional<Event> firstWithState(int from, String state) {
    throwIfFailed();
    for (int i = from; i < events.size(); i++) {
      if (events.get(i).tradingState().equals(state)) {
        return Optional.of(events.get(i));
      }
    }
    return Optional.empty();
  }

  /** Like {@link #firstWithState}, waiting for it at most {@code bound}. */
  synchronized Optional<Event> awaitState(int from, String state, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    Optional<Event> found = firstWithState(from, state);
    while (found.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
      found = firstWithState(from, state);
    }
    return found;
  }

  private synchronized void add(Event event) {
    events.add(event);
    notifyAll();
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw new IllegalStateException("the control stream failed", failure);
    }
  }

  private void read() {
    String name = "message";
    StringBuilder data = new StringBuilder();
    try {
      Iterator<String> iterator = lines.iterator();
      while (iterator.hasNext()) {
        String line = iterator.next();
        if (line.isEmpty()) {
          if (data.length() > 0) {
            add(new Event(name, Http.JSON.readTree(data.toString()), System.nanoTime()));
          }
          name = "message";
          data.setLength(0);
        } else if (!line.startsWith(":")) { // a line starting with ':' is a comment (keep-alive)
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          value = value.startsWith(" ") ? value.substring(1) : value;
          if (field.equals("event")) {
            name = value;
          } else if (field.equals("data")) {
            data.append(data.length() > 0 ? "\n" : "").append(value);
          }
        }
      }
    } catch (JsonProcessingException e) {
      failure = new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (!closed) {
        failure = e;
      }
    } finally {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    lines.close(); // closes the response body, which ends the reader's read
    reader.join(Duration.ofSeconds(5).toMillis());
  }
}
