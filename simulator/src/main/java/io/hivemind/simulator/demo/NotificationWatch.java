package io.hivemind.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.simulator.bot.AttemptLog;
import io.hivemind.simulator.bot.BotTransport;
import io.hivemind.simulator.bot.Delivery;
import io.hivemind.simulator.bot.ForwardingTransport;
import io.hivemind.simulator.bot.HeartbeatAnswer;
import io.hivemind.simulator.bot.WireJson;
import io.hivemind.simulator.fleet.SimulatedUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code ./hivemind demo --notify}: what a subscriber of the notifier sees during the demo (issue
 * 17). A receiver on this machine is registered twice, by one simulated user's bot key (that user's
 * events) and by the admin key (the fleet's); another user's bot "crashes" halfway through the run
 * (its heartbeats stop, it does not sign off). Every delivery's signature is checked and its event
 * id kept; at the end, within a bounded wait, the report says whether the watched user was told
 * every trade it closed, which milestones came, and how long after its last heartbeat the fleet was
 * told of the crashed bot, beside the kill-switch changes told meanwhile.
 */
public final class NotificationWatch implements FleetObserver, AutoCloseable {

  /** How long after the run the report waits for the last deliveries. */
  static final Duration REPORT_WAIT = Duration.ofSeconds(120);

  private static final String SIGNATURE = "Hivemind-Signature";
  private static final String EVENT_ID = "Hivemind-Event-Id";
  private static final String EVENT_TYPE = "Hivemind-Event-Type";

  private final HttpClient http;
  private final URI notifier;
  private final String watched;
  private final String crashed;
  private volatile long crashAtNanos = Long.MAX_VALUE;
  private final HttpServer server;
  private final Receiver user = new Receiver();
  private final Receiver fleet = new Receiver();
  private final AtomicInteger outcomesAcknowledged = new AtomicInteger();
  private final AtomicLong lastHeartbeatNanos = new AtomicLong();
  private final Map<String, String> subscriptions = new LinkedHashMap<>();

  /** What one receiver path got: distinct event ids by type, and what did not verify. */
  static final class Receiver {
    volatile String secret;
    final Map<String, String> typeById = new ConcurrentHashMap<>();
    final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    final Set<String> crashedBotSilent = ConcurrentHashMap.newKeySet();
    final AtomicInteger deliveries = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();

    long count(String type) {
      return typeById.values().stream().filter(type::equals).count();
    }
  }

  private NotificationWatch(
      HttpClient http, URI notifier, String watched, String crashed, HttpServer server) {
    this.http = http;
    this.notifier = notifier;
    this.watched = watched;
    this.crashed = crashed;
    this.server = server;
  }

  /** Starts the receiver (on 127.0.0.1, a free port); nothing is registered yet. */
  public static NotificationWatch open(
      HttpClient http, URI notifier, SimulatedUser watched, SimulatedUser crashed)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    NotificationWatch watch =
        new NotificationWatch(http, notifier, watched.userId(), crashed.userId(), server);
    server.createContext("/user", exchange -> watch.receive(exchange, watch.user));
    server.createContext("/fleet", exchange -> watch.receive(exchange, watch.fleet));
    server.start();
    return watch;
  }

  /** The user whose own events are watched. */
  public String watched() {
    return watched;
  }

  /**
   * Registers the receiver: the watched user's events with its bot authorization, the fleet's with
   * the admin's; the crashed bot stops its heartbeats {@code crashAfter} from now.
   *
   * @throws IOException when the notifier refuses or is not there, saying what to do
   */
  public void subscribe(String watchedAuthorization, String adminAuthorization, Duration crashAfter)
      throws IOException, InterruptedException {
    user.secret = register("/user", watchedAuthorization, false);
    fleet.secret = register("/fleet", adminAuthorization, true);
    crashAtNanos = System.nanoTime() + crashAfter.toNanos();
  }

  private String register(String path, String authorization, boolean forFleet)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "webhook");
    body.put("url", "http://127.0.0.1:" + server.getAddress().getPort() + path);
    if (forFleet) {
      body.put("audience", "fleet");
    }
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(notifier.resolve("/api/webhooks/register"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(WireJson.mapper().writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IOException(
          "the notifier at "
              + notifier
              + " refused the demo's receiver ("
              + answer.statusCode()
              + " "
              + answer.body().strip()
              + "); a receiver on this machine needs the stack started with"
              + " HIVEMIND_NOTIFIER_ALLOW_LOOPBACK=true ./hivemind up");
    }
    JsonNode created = WireJson.mapper().readTree(answer.body());
    subscriptions.put(created.path("id").asText(), authorization);
    return created.path("secret").asText();
  }

  private void receive(HttpExchange exchange, Receiver receiver) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String signature = exchange.getRequestHeaders().getFirst(SIGNATURE);
      if (!verifies(signature, body, receiver.secret)) {
        receiver.badSignatures.incrementAndGet();
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      receiver.deliveries.incrementAndGet();
      String id = exchange.getRequestHeaders().getFirst(EVENT_ID);
      String type = exchange.getRequestHeaders().getFirst(EVENT_TYPE);
      if (id != null && type != null) {
        if (receiver.typeById.putIfAbsent(id, type) != null) {
          receiver.duplicates.incrementAndGet();
        } else {
          receiver.firstSeenNanos.put(id, System.nanoTime());
          if (type.equals("bot.silent") && mentions(body, crashed)) {
            receiver.crashedBotSilent.add(id);
          }
        }
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private static boolean mentions(byte[] body, String userId) {
    try {
      return WireJson.mapper().readTree(body).toString().contains(userId);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether {@code signature} ({@code t=<unix seconds>,v1=<hex>}) is the HMAC-SHA256 of {@code
   * "<t>.<body>"} keyed with {@code secret}.
   */
  static boolean verifies(String signature, byte[] body, String secret) {
    if (signature == null || secret == null) {
      return false;
    }
    String t = null;
    String v1 = null;
    for (String part : signature.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        t = pair[1];
      } else if (pair.length == 2 && pair[0].equals("v1")) {
        v1 = pair[1];
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public AttemptLog attemptsOf(SimulatedUser simulated) {
    return AttemptLog.NONE;
  }

  /**
   * The watched user's acknowledged outcomes are counted; the crashed user's heartbeats stop at the
   * crash (its sign-off too: a crashed bot does not say goodbye).
   */
  @Override
  public BotTransport around(SimulatedUser simulated, BotTransport transport) {
    if (simulated.userId().equals(watched)) {
      return new ForwardingTransport(transport) {
        @Override
        public Delivery postOutcome(OutcomeRequest outcome) {
          Delivery delivery = inner.postOutcome(outcome);
          if (delivery == Delivery.ACCEPTED) {
            outcomesAcknowledged.incrementAndGet();
          }
          return delivery;
        }
      };
    }
    if (simulated.userId().equals(crashed)) {
      return new ForwardingTransport(transport) {
        @Override
        public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) {
          if (System.nanoTime() >= crashAtNanos) {
            return HeartbeatAnswer.of(Delivery.FAILED);
          }
          HeartbeatAnswer answer = inner.heartbeat(heartbeat);
          if (answer.delivery() == Delivery.ACCEPTED) {
            lastHeartbeatNanos.set(System.nanoTime());
          }
          return answer;
        }
      };
    }
    return transport;
  }

  /**
   * Waits (at most {@link #REPORT_WAIT}) until the watched user was told every trade it closed and
   * the fleet of the crashed bot, then prints what each receiver got. Returns whether both were.
   */
  public boolean report(PrintWriter out) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + REPORT_WAIT.toNanos();
    out.print(
        "demo: waiting for the notifier to tell the last trades and the crashed bot"
            + " (at most "
            + REPORT_WAIT.toSeconds()
            + " s) ...");
    out.flush();
    while (!complete() && System.nanoTime() < deadline) {
      Thread.sleep(250); // polling what the receiver got; bounded by the deadline
    }
    out.printf(" %.0f s%n", (System.nanoTime() - started) / 1e9);
    out.println();
    out.println("NOTIFICATIONS (signed webhooks to a receiver on this machine)");
    out.printf(
        "  user %s: %d of %d closed trades told, %d milestones, %d streaks;"
            + " %d deliveries, %d duplicates (same event id), %d bad signatures%n",
        watched,
        user.count("trade.closed"),
        outcomesAcknowledged.get(),
        user.count("milestone"),
        user.count("streak"),
        user.deliveries.get(),
        user.duplicates.get(),
        user.badSignatures.get());
    Optional<Long> toldAfter =
        fleet.crashedBotSilent.stream()
            .map(fleet.firstSeenNanos::get)
            .min(Long::compare)
            .map(at -> at - lastHeartbeatNanos.get());
    out.printf(
        "  fleet: bot %s stopped its heartbeats: %s; %d kill-switch changes, %d force-close"
            + " orders; %d deliveries, %d duplicates, %d bad signatures%n",
        crashed,
        toldAfter
            .map(nanos -> String.format("told silent %.0f s after its last beat", nanos / 1e9))
            .orElse("not told (yet)"),
        fleet.count("control.changed"),
        fleet.count("control.force_close"),
        fleet.deliveries.get(),
        fleet.duplicates.get(),
        fleet.badSignatures.get());
    return complete();
  }

  private boolean complete() {
    return user.count("trade.closed") >= outcomesAcknowledged.get()
        && !fleet.crashedBotSilent.isEmpty();
  }

  /** Deletes the subscriptions (best effort) and stops the receiver. */
  @Override
  public void close() {
    for (Map.Entry<String, String> subscription : subscriptions.entrySet()) {
      try {
        http.send(
            HttpRequest.newBuilder(notifier.resolve("/api/webhooks/" + subscription.getKey()))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", subscription.getValue())
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // the subscription stays; its deliveries fail against a closed receiver and dead-letter
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
  }
}
