package io.hivemind.bench.load;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The one Vert.x instance every load run of a benchmark shares. Each run gets its own HTTP/1.1
 * client (keep-alive, no pipelining, a fixed pool of connections) on its own event-loop context;
 * the instance has two event loops, so two runs started together (a query load beside a background
 * ingest) send from different threads. Everything a run does, from choosing its next request to
 * recording the answer, happens on that one thread: no locks on the hot path.
 */
public final class LoadGenerator implements AutoCloseable {

  private static final CharSequence APPLICATION_JSON =
      HttpHeaders.createOptimized("application/json");
  private static final Handler<Buffer> DISCARD = chunk -> {};

  private final Vertx vertx;

  private LoadGenerator(Vertx vertx) {
    this.vertx = vertx;
  }

  public static LoadGenerator create() {
    return new LoadGenerator(
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(2)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setPreferNativeTransport(false)
                // a load run's loop is busy by design; Vert.x' blocked-thread warnings are noise
                .setBlockedThreadCheckInterval(1)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.HOURS)));
  }

  /** A pool of at most {@code connections} keep-alive connections to {@code baseUrl}. */
  Target target(String baseUrl, int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1: " + connections);
    }
    URI uri = URI.create(baseUrl);
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    // from a non-Vert.x thread each call makes a new context, round-robin over the event loops
    Context context = vertx.getOrCreateContext();
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(uri.getHost())
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setKeepAliveTimeout(0)
                .setPipelining(false)
                .setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    return new Target(vertx, context, client, connections);
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  /** Answers a sent request: the HTTP status, or the failure that stood for one. */
  interface Completion {
    void completed(int status, Throwable failure);
  }

  /** One run's client and the context it sends from. */
  static final class Target {

    final Vertx vertx;
    final Context context;
    private final HttpClient client;
    final int connections;

    private Target(Vertx vertx, Context context, HttpClient client, int connections) {
      this.vertx = vertx;
      this.context = context;
      this.client = client;
      this.connections = connections;
    }

    /**
     * Sends {@code request} and reads the whole answer; call on {@link #context} only. Callbacks
     * rather than composed futures, and no timer per request: this is the generator's own cost per
     * request, paid on the cores it measures.
     */
    void send(LoadRequest request, Completion completion) {
      client.request(
          request.method(),
          request.path(),
          created -> {
            if (created.failed()) {
              completion.completed(0, created.cause());
              return;
            }
            HttpClientRequest sending = created.result();
            if (request.authorization() != null) {
              sending.putHeader(HttpHeaders.AUTHORIZATION, request.authorization());
            }
            Handler<AsyncResult<HttpClientResponse>> onResponse =
                answered -> {
                  if (answered.failed()) {
                    completion.completed(0, answered.cause());
                    return;
                  }
                  HttpClientResponse response = answered.result();
                  int status = response.statusCode();
                  response
                      .handler(DISCARD)
                      .end(
                          ended ->
                              completion.completed(
                                  status, ended.succeeded() ? null : ended.cause()));
                };
            if (request.body() == null) {
              sending.send(onResponse);
            } else {
              sending.putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
              sending.send(request.body(), onResponse);
            }
          });
    }

    void close() {
      client.close();
    }
  }
}
