package io.hivemind.gateway.access;

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
 * Real API keys for tests: written with {@link KeyWriter} to the key topic of the prefix the
 * gateway under test reads, exactly as {@code ./hivemind keys create} writes them, and handed out
 * only once the running gateway accepts them. (A test-kit helper would need the access module,
 * whose own tests depend on test-kit: a cycle Maven refuses.)
 */
public final class TestKeys {

  /** The issue's bound for a revocation to reach every instance. */
  public static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<String, TestKeys> BY_PREFIX = new ConcurrentHashMap<>();
  private static final Map<String, Key> SHARED = new ConcurrentHashMap<>();

  private final Topics topics;

  private TestKeys(Topics topics) {
    this.topics = topics;
  }

  /** Keys of the deployment using {@code topics}' prefix. */
  public static TestKeys of(Topics topics) {
    return BY_PREFIX.computeIfAbsent(topics.apiKeys, name -> new TestKeys(topics));
  }

  /** Keys of the gateway under the default prefix, the one most tests start. */
  public static TestKeys standard() {
    return of(Topics.withDefaultPrefix());
  }

  /** One elite bot key (and user) shared by the tests that only need some valid caller. */
  public static Key bot() {
    return SHARED.computeIfAbsent("bot", name -> standard().mint(newUser(), Tier.ELITE, Role.BOT));
  }

  /** One elite admin key shared by the tests that issue control commands. */
  public static Key admin() {
    return SHARED.computeIfAbsent(
        "admin", name -> standard().mint("ops-" + newUser(), Tier.ELITE, Role.ADMIN));
  }

  /** A user id of the seed's shape: 12 hex characters. */
  public static String newUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Issues a key and returns once the gateway under test accepts it. */
  public Key mint(String user, Tier tier, Role role) {
    return mint(user, tier, role, false);
  }

  /** Issues a key of a private user ({@code privateUser}) or an ordinary one. */
  public Key mint(String user, Tier tier, Role role, boolean privateUser) {
    ApiKey apiKey = ApiKey.generate(RANDOM);
    KeyRecord record =
        KeyRecord.issue(apiKey, user, tier, role, Instant.now(), "gateway-tests", privateUser);
    write(record);
    Key key = new Key(apiKey.reveal(), record);
    await("the gateway accepts key " + record.keyId())
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(key::probe, status -> status != 401 && status != 503);
    return key;
  }

  /** Writes the key's record again, revoked; the gateway is not waited for. */
  public void revoke(Key key) {
    write(key.record().revoke(Instant.now(), "gateway-tests", "test"));
  }

  private void write(KeyRecord record) {
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

    public String keyId() {
      return record.keyId();
    }

    public String header() {
      return "Bearer " + secret;
    }

    /** A request carrying this key. */
    public RequestSpecification given() {
      return RestAssured.given().header("Authorization", header());
    }

    /** The status of a cheap authenticated read with this key. */
    int probe() {
      return given().get("/api/maintenance/status").then().extract().statusCode();
    }

    @Override
    public String toString() {
      return "key " + record.keyId() + " of " + record.userId();
    }
  }
}
