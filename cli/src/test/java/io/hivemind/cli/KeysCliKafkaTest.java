package io.hivemind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Principal;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyMaterializer;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./hivemind keys} (the CLI) against a real broker, run the way the script runs it
 * (environment in, stdout, stderr and exit status out), checked by materializers of its own as a
 * service would.
 */
@Timeout(120)
class KeysCliKafkaTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaStack stack = KafkaStack.shared();
  private final List<KeyMaterializer> materializers = new ArrayList<>();
  private String prefix;

  @BeforeEach
  void createTopics() {
    prefix = "keys-cli-" + UUID.randomUUID() + ".";
    stack.createTopics(new Topics(prefix), 1);
  }

  @AfterEach
  void closeMaterializers() {
    materializers.forEach(KeyMaterializer::close);
  }

  /** What one run of the tool printed and returned. */
  record Run(int status, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private Run keys(String... args) {
    return keysWithPrefix(prefix, args);
  }

  private Run keysWithPrefix(String topicPrefix, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] line = new String[args.length + 1];
    line[0] = "keys";
    System.arraycopy(args, 0, line, 1, args.length);
    int status =
        Hivemind.run(
            StackSettings.from(
                Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    stack.bootstrapServers(),
                    "HIVEMIND_TOPIC_PREFIX",
                    topicPrefix,
                    "HIVEMIND_OPERATOR",
                    "alice")),
            line,
            new PrintWriter(out, true, StandardCharsets.UTF_8),
            new PrintWriter(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private KeyMaterializer caughtUpMaterializer() throws InterruptedException {
    KeyMaterializer keys =
        new KeyMaterializer(
            Map.of("bootstrap.servers", stack.bootstrapServers()), new Topics(prefix));
    materializers.add(keys);
    keys.start();
    assertThat(keys.awaitCaughtUp(WAIT)).isTrue();
    return keys;
  }

  private String created(String user, String tier) throws Exception {
    Run run = keys("create", "--user", user, "--tier", tier, "--json");
    assertThat(run.status()).as(run.err()).isZero();
    return run.json().get("key").asText();
  }

  @Test
  void shouldIssueAKeyThatAnotherInstanceAuthenticatesUntilItIsRevoked() throws Exception {
    KeyMaterializer service = caughtUpMaterializer();

    Run create =
        keys("create", "--user", "a1b2c3d4e5f6", "--tier", "elite", "--role", "analyst", "--json");

    assertThat(create.status()).as(create.err()).isZero();
    JsonNode json = create.json();
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("key", "user_id", "tier", "role", "private");
    assertThat(json.get("private").asBoolean()).isFalse();
    assertThat(json.get("user_id").asText()).isEqualTo("a1b2c3d4e5f6");
    assertThat(json.get("tier").asText()).isEqualTo("elite");
    assertThat(json.get("role").asText()).isEqualTo("analyst");
    String key = json.get("key").asText();
    String keyId = ApiKey.parse(key).orElseThrow().keyId();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(service.authenticate(key))
                    .contains(new Principal("a1b2c3d4e5f6", Tier.ELITE, Role.ANALYST, keyId)));

    Run revoke = keys("revoke", keyId, "--reason", "leaked in a screenshot");

    assertThat(revoke.status()).as(revoke.err()).isZero();
    assertThat(revoke.out()).contains("revoked key " + keyId);
    await().atMost(REVOCATION_BOUND).until(() -> service.authenticate(key).isEmpty());
    KeyRecord stored = caughtUpMaterializer().directory().find(keyId).orElseThrow();
    assertThat(stored.revokedBy()).isEqualTo("alice");
    assertThat(stored.revokeReason()).isEqualTo("leaked in a screenshot");
  }

  @Test
  void shouldPrintOnlyTheKeyOnStdoutWithoutJson() throws Exception {
    Run create = keys("create", "--user", "u1", "--tier", "basic");

    assertThat(create.status()).as(create.err()).isZero();
    String key = create.out().strip();
    assertThat(create.out()).isEqualTo(key + System.lineSeparator());
    ApiKey parsed = ApiKey.parse(key).orElseThrow();
    assertThat(create.err()).contains(parsed.keyId()).doesNotContain(key.substring(16));
    assertThat(caughtUpMaterializer().authenticate(key))
        .contains(new Principal("u1", Tier.BASIC, Role.BOT, parsed.keyId()));
  }

  @Test
  void shouldIssueAPrivateKeyWhoseUserTheServicesSeeAsPrivate() throws Exception {
    Run create = keys("create", "--user", "u9", "--tier", "elite", "--private", "--json");

    assertThat(create.status()).as(create.err()).isZero();
    assertThat(create.json().get("private").asBoolean()).isTrue();
    String key = create.json().get("key").asText();
    String keyId = ApiKey.parse(key).orElseThrow().keyId();
    KeyMaterializer service = caughtUpMaterializer();
    assertThat(service.authenticate(key))
        .contains(new Principal("u9", Tier.ELITE, Role.BOT, keyId, true));
    String ordinary = created("u8", "elite");
    assertThat(caughtUpMaterializer().authenticate(ordinary).orElseThrow().privateUser()).isFalse();

    Run table = keys("list");
    Run json = keys("list", "--user", "u9", "--json");

    assertThat(table.out()).contains("PRIVATE");
    assertThat(table.out().lines().filter(line -> line.startsWith(keyId)).findFirst())
        .hasValueSatisfying(line -> assertThat(line).contains(" yes "));
    assertThat(json.json().get("keys").get(0).get("private").asBoolean()).isTrue();
  }

  @Test
  void shouldRevokeByTheWholeKeyToo() throws Exception {
    String key = created("u1", "pro");
    KeyMaterializer service = caughtUpMaterializer();
    await().atMost(WAIT).until(() -> service.authenticate(key).isPresent());

    Run revoke = keys("revoke", key);

    assertThat(revoke.status()).as(revoke.err()).isZero();
    assertThat(revoke.out()).doesNotContain(key.substring(16));
    await().atMost(REVOCATION_BOUND).until(() -> service.authenticate(key).isEmpty());
  }

  @Test
  void shouldListKeysWithoutSecretsOrHashes() throws Exception {
    String first = created("u1", "pro");
    String second = created("u2", "elite");
    ApiKey firstKey = ApiKey.parse(first).orElseThrow();
    ApiKey secondKey = ApiKey.parse(second).orElseThrow();
    assertThat(keys("revoke", secondKey.keyId(), "--reason", "rotated").status()).isZero();

    Run table = keys("list");
    Run json = keys("list", "--json");
    Run mine = keys("list", "--user", "u1", "--json");

    for (Run run : List.of(table, json, mine)) {
      assertThat(run.status()).as(run.err()).isZero();
      assertThat(run.out())
          .doesNotContain(first.substring(16), second.substring(16))
          .doesNotContain(firstKey.secretHash(), secondKey.secretHash());
    }
    assertThat(table.out())
        .contains("KEY_ID", firstKey.keyId(), secondKey.keyId(), "by alice: rotated");
    assertThat(json.json().get("keys")).hasSize(2);
    assertThat(json.json().get("keys").get(1).get("revoke_reason").asText()).isEqualTo("rotated");
    assertThat(mine.json().get("keys")).hasSize(1);
    assertThat(mine.json().get("keys").get(0).get("key_id").asText()).isEqualTo(firstKey.keyId());
    assertThat(mine.json().get("keys").get(0).has("secret_hash")).isFalse();
  }

  @Test
  void shouldExitWith1ForAnUnknownKey() {
    Run revoke = keys("revoke", "abcdefgh2345");

    assertThat(revoke.status()).isEqualTo(1);
    assertThat(revoke.err()).contains("no key abcdefgh2345");
  }

  @Test
  void shouldSayWhenAKeyWasAlreadyRevoked() throws Exception {
    String keyId = ApiKey.parse(created("u1", "pro")).orElseThrow().keyId();
    assertThat(keys("revoke", keyId).status()).isZero();

    Run again = keys("revoke", keyId);

    assertThat(again.status()).isZero();
    assertThat(again.out()).contains("already revoked");
  }

  @Test
  void shouldExitWith1WhenTheKeyTopicDoesNotExist() {
    String missing = "keys-missing-" + UUID.randomUUID() + ".";

    Run create = keysWithPrefix(missing, "create", "--user", "u1", "--tier", "pro");

    assertThat(create.status()).isEqualTo(1);
    assertThat(create.out()).isEmpty();
    assertThat(create.err()).contains(missing + "api-keys", "does not exist");
  }
}
