package io.hivemind.bench.keys;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyTopicException;
import io.hivemind.bench.load.Preflight;
import io.hivemind.schema.KafkaEnvironment;
import io.hivemind.simulator.keys.BotKeys;
import io.hivemind.simulator.keys.KeyAcceptance;
import io.hivemind.simulator.keys.KeyMinter;
import io.hivemind.simulator.keys.KeyNotAcceptedException;
import io.vertx.core.http.HttpHeaders;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API keys a benchmark's requests carry: one bot key per user it posts or asks for, all in the
 * elite tier, minted in one batch through the simulator's {@link KeyMinter} (the demo mints its
 * fleet's the same way). The gateway limits each key to its tier's rate (elite: 500 requests/s by
 * default), so a benchmark spreads its load over many users: N keys allow at most N × 500
 * requests/s in all. Each user's header is prepared once, for the load generator's hot path.
 */
public final class BenchKeys {

  /** Bench users are elite: the highest per-key rate. */
  public static final Tier TIER = Tier.ELITE;

  /** The gateway's default {@code hivemind.rate-limit.elite}, for the ceiling printed. */
  static final int ELITE_RATE = 500;

  private final BotKeys keys;
  private final Map<String, CharSequence> headers;

  BenchKeys(BotKeys keys) {
    this.keys = keys;
    this.headers = new HashMap<>(keys.size() * 2);
    for (String user : keys.users()) {
      headers.put(user, HttpHeaders.createOptimized(keys.authorization(user)));
    }
  }

  /**
   * Mints one elite bot key per user in {@code kafka}'s key topic, and says so on {@code out}.
   *
   * @param benchmark what the key records name as their creator ({@code bench <name>})
   * @throws Preflight.NotReady when Kafka or the key topic is not there
   */
  public static BenchKeys mint(
      KafkaEnvironment kafka, String benchmark, List<String> users, PrintStream out) {
    long started = System.nanoTime();
    BotKeys minted;
    try {
      minted = new KeyMinter(kafka, "bench " + benchmark).mint(users, TIER);
    } catch (KeyTopicException e) {
      throw new Preflight.NotReady("cannot mint the benchmark's API keys: " + e.getMessage());
    }
    out.printf(
        Locale.ROOT,
        "  keys: %,d %s bot keys, one per user, minted in %s (%.1f s); the gateway allows each"
            + " %d requests/s by default: at most %,d requests/s in all%n",
        minted.size(),
        TIER.wire(),
        kafka.topics().apiKeys,
        (System.nanoTime() - started) / 1e9,
        ELITE_RATE,
        (long) minted.size() * ELITE_RATE);
    return new BenchKeys(minted);
  }

  /**
   * Waits (at most {@link KeyAcceptance#MAX_WAIT}) until each given service accepts the key minted
   * last, so no measured request meets a key a service has not read yet.
   *
   * @param gateway null when the benchmark does not call the gateway's API
   * @param query null when it does not call the query service's
   * @throws Preflight.NotReady naming the service that did not accept it
   */
  public BenchKeys awaitAccepted(String gateway, String query, PrintStream out)
      throws InterruptedException {
    String user = keys.lastUser();
    List<KeyAcceptance.Probe> probes = new ArrayList<>(2);
    if (gateway != null) {
      probes.add(KeyAcceptance.Probe.gateway(URI.create(gateway), user));
    }
    if (query != null) {
      probes.add(KeyAcceptance.Probe.query(URI.create(query), user));
    }
    Duration took;
    try {
      took =
          new KeyAcceptance(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build())
              .awaitAccepted(keys, probes);
    } catch (KeyNotAcceptedException e) {
      throw new Preflight.NotReady(e.getMessage());
    }
    out.printf(
        Locale.ROOT,
        "  keys: accepted by %s after %.1f s%n",
        String.join(" and ", probes.stream().map(KeyAcceptance.Probe::service).toList()),
        took.toNanos() / 1e9);
    return this;
  }

  /** The user's {@code Authorization} value, prepared for Vert.x. */
  public CharSequence header(String userId) {
    CharSequence header = headers.get(userId);
    if (header == null) {
      throw new IllegalArgumentException("no key was minted for user " + userId);
    }
    return header;
  }

  /** The user's {@code Authorization} value, for {@code java.net.http}. */
  public String authorization(String userId) {
    return keys.authorization(userId);
  }

  /** The user's key, for a simulator {@code BotClient}. */
  public ApiKey keyOf(String userId) {
    return keys.keyOf(userId);
  }

  public int size() {
    return keys.size();
  }

  @Override
  public String toString() {
    return "BenchKeys[" + keys + "]";
  }
}
