package io.hivemind.confidence.service;

import static org.awaitility.Awaitility.await;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyWriter;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real API keys for the query under test, written to the test stack's key topic as {@code
 * ./hivemind keys create} writes them, and handed out once the service accepts them. This module's
 * own small copy of the gateway tests' helper: a shared one would have to live in test-kit, which
 * the access module's own tests depend on (a cycle).
 */
public final class QueryKeys {

  /** The issue's bound for a revocation to reach every instance. */
  public static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Topics TOPICS = Topics.withDefaultPrefix();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<Role, Key> SHARED = new ConcurrentHashMap<>();

  private QueryKeys() {}

  /** One bot key (and user) shared by the tests that only need some valid caller. */
  public static Key bot() {
    return SHARED.computeIfAbsent(Role.BOT, role -> mint(newUser(), Tier.ELITE, role));
  }

  /** A bot key of {@code user}, elite so that polling never meets the rate limit. */
  public static Key bot(String user) {
    return mint(user, Tier.ELITE, Role.BOT);
  }

  /** A bot key of {@code user} in the key topic of {@code topics}, for a query on that prefix. */
  public static Key bot(String user, Topics topics) {
    return mint(user, Tier.ELITE, Role.BOT, false, topics);
  }

  /** An analyst key in the key topic of {@code topics}, for a query on that prefix. */
  public static Key analyst(Topics topics) {
    return mint(newUser(), Tier.ELITE, Role.ANALYST, false, topics);
  }

  /** One analyst key shared by the tests that run replays. */
  public static Key analyst() {
    return SHARED.computeIfAbsent(Role.ANALYST, role -> mint(newUser(), Tier.ELITE, role));
  }

  /** One admin key shared by the tests that read other users. */
  public static Key admin() {
    return SHARED.computeIfAbsent(Role.ADMIN, role -> mint(newUser(), Tier.ELITE, role));
  }

  /** A user id of the seed's shape: 12 hex characters. */
  public static String newUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Issues a key and returns once the query under test accepts it. */
  public static Key mint(String user, Tier tier, Role role) {
    return mint(user, tier, role, false);
  }

  /** A bot key of {@code user}, a private user: no community prior, contributes nothing. */
  public static Key privateBot(String user) {
    return mint(user, Tier.ELITE, Role.BOT, true);
  }

  /** Issues a key of a private user ({@code privateUser}) or an ordinary one. */
  public static Key mint(String user, Tier tier, Role role, boolean privateUser) {
    return mint(user, tier, role, privateUser, TOPICS);
  }

  private static Key mint(String user, Tier tier, Role role, boolean privateUser, Topics topics) {
    ApiKey apiKey = ApiKey.generate(RANDOM);
    KeyRecord record =
        KeyRecord.issue(apiKey, user, tier, role, Instant.now(), "query-tests", privateUser);
    write(record, topics);
    Key key = new Key(apiKey.reveal(), record);
    // answered by the role check (403 for a bot, 200 above), which needs neither stores nor data
    await("the query accepts " + key)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> key.given().get("/api/replay/historical").statusCode(),
            status -> status != 401 && status != 503);
    return key;
  }

  /** Writes the key's record again, revoked; the service is not waited for. */
  public static void revoke(Key key) {
    write(key.record().revoke(Instant.now(), "query-tests", "test"), TOPICS);
  }

  private static void write(KeyRecord record, Topics topics) {
    Map<String, Object> connection =
        KafkaConnection.settings(
            Map.of("bootstrap.servers", KafkaStack.shared().bootstrapServers()));
    try (KeyWriter writer = new KeyWriter(connection, topics, WAIT)) {
      writer.write(record);
    }
  }

  /** A key as its holder has it, with the record stored for it. */
  public record Key(String secret, KeyRecord record) {

    public String userId() {
      return record.userId();
    }

    public String header() {
      return "Bearer " + secret;
    }

    /** A request carrying this key. */
    public RequestSpecification given() {
      return RestAssured.given().header("Authorization", header());
    }

    @Override
    public String toString() {
      return "key " + record.keyId() + " of " + record.userId();
    }
  }
}
