package io.hivemind.access.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyDirectory;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.kafka.KeyMaterializer;
import io.hivemind.access.kafka.KeyTopicException;
import io.hivemind.access.kafka.KeyTopics;
import io.hivemind.access.kafka.KeyWriter;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./hivemind keys create|revoke|list}: issues API keys (the key is printed once, only its
 * hash is stored), revokes them, lists them (never a secret or a hash). Exit status: 0 done, 1 it
 * could not be done (Kafka away, no such key), 2 the command line is wrong.
 */
public final class KeysMain {

  static final Duration TIMEOUT = Duration.ofSeconds(15);

  static final String USAGE =
      """
      Usage: ./hivemind keys <command>

        create --user U --tier basic|pro|elite [--role bot|analyst|admin] [--private] [--json]
                     Issue a key for user U (role bot unless given). The key is printed once,
                     alone on stdout; only its SHA-256 is stored. --json prints
                     {"key":...,"user_id":...,"tier":...,"role":...,"private":...}.
                     --private: U is a private user, whose trades never reach the community
                     statistics and whose confidence draws nothing from them.
        revoke <key id or key> [--reason R]
                     Revoke a key: every service refuses it within seconds.
        list [--user U] [--json]
                     Every key (or U's): key id, user, tier, role, private, created, revoked.
                     Never shows a secret or a hash.
        help         This text.

      Reads KAFKA_BOOTSTRAP_SERVERS (or KAFKA_PORT), HIVEMIND_TOPIC_PREFIX and HIVEMIND_OPERATOR
      (who you are in the key records) as ./hivemind sets them.
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private KeysMain() {}

  public static void main(String[] args) {
    // The Kafka clients log through SLF4J, which this tool gives no binding: keep SLF4J from
    // explaining that on every run. Failures are reported by the tool itself.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
  }

  /** Runs one command; returns the exit status. */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    KeysCommand command;
    try {
      command = KeysCommand.parse(args);
    } catch (UsageException e) {
      err.println("keys: " + e.getMessage());
      if (args.isEmpty()) {
        err.println();
        err.print(USAGE);
      } else {
        err.println("(./hivemind keys help shows the commands)");
      }
      return 2;
    }
    if (command instanceof KeysCommand.Help) {
      out.print(USAGE);
      return 0;
    }
    KeysEnvironment environment = KeysEnvironment.from(env);
    try {
      KeyTopics.requireExists(environment.connection(), environment.topics().apiKeys, TIMEOUT);
      if (command instanceof KeysCommand.Create create) {
        return create(create, environment, out, err);
      }
      if (command instanceof KeysCommand.Revoke revoke) {
        return revoke(revoke, environment, out, err);
      }
      return list((KeysCommand.ListKeys) command, environment, out);
    } catch (KeyTopicException e) {
      err.println("keys: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("keys: interrupted");
      return 1;
    }
  }

  private static int create(
      KeysCommand.Create create, KeysEnvironment environment, PrintStream out, PrintStream err)
      throws InterruptedException {
    ApiKey key = ApiKey.generate(new SecureRandom());
    KeyRecord record =
        KeyRecord.issue(
            key,
            create.userId(),
            create.tier(),
            create.role(),
            now(),
            environment.operator(),
            create.privateUser());
    try (KeyWriter writer =
        new KeyWriter(environment.connection(), environment.topics(), TIMEOUT)) {
      writer.write(record);
    }
    if (create.json()) {
      ObjectNode node = JSON.createObjectNode();
      node.put("key", key.reveal());
      node.put("user_id", record.userId());
      node.put("tier", record.tier().wire());
      node.put("role", record.role().wire());
      node.put("private", record.privateUser());
      out.println(node);
    } else {
      out.println(key.reveal());
      err.printf(
          "Created key %s for user %s (tier %s, role %s%s). It is shown this once: only its hash"
              + " is stored. Bots send it as: Authorization: Bearer <key>%n",
          record.keyId(),
          record.userId(),
          record.tier().wire(),
          record.role().wire(),
          record.privateUser() ? ", private" : "");
    }
    return 0;
  }

  private static int revoke(
      KeysCommand.Revoke revoke, KeysEnvironment environment, PrintStream out, PrintStream err)
      throws InterruptedException {
    Optional<KeyRecord> found = loaded(environment).find(revoke.keyId());
    if (found.isEmpty()) {
      err.println("keys: no key " + revoke.keyId() + " in " + environment.topics().apiKeys);
      return 1;
    }
    KeyRecord record = found.get();
    if (record.isRevoked()) {
      out.printf(
          "key %s of user %s was already revoked at %s by %s%n",
          record.keyId(), record.userId(), record.revokedAt(), clean(record.revokedBy()));
      return 0;
    }
    try (KeyWriter writer =
        new KeyWriter(environment.connection(), environment.topics(), TIMEOUT)) {
      writer.write(record.revoke(now(), environment.operator(), revoke.reason()));
    }
    out.printf(
        "revoked key %s of user %s (tier %s, role %s): every service refuses it within seconds%n",
        record.keyId(), record.userId(), record.tier().wire(), record.role().wire());
    return 0;
  }

  private static int list(KeysCommand.ListKeys list, KeysEnvironment environment, PrintStream out)
      throws InterruptedException {
    List<KeyRecord> records =
        loaded(environment).records().stream()
            .filter(record -> list.userId().map(record.userId()::equals).orElse(true))
            .toList();
    if (list.json()) {
      ObjectNode root = JSON.createObjectNode();
      ArrayNode keys = root.putArray("keys");
      for (KeyRecord record : records) {
        ObjectNode node = keys.addObject();
        node.put("key_id", record.keyId());
        node.put("user_id", record.userId());
        node.put("tier", record.tier().wire());
        node.put("role", record.role().wire());
        node.put("private", record.privateUser());
        node.put("created_at", record.createdAt().toString());
        node.put("created_by", record.createdBy());
        node.put("revoked_at", record.isRevoked() ? record.revokedAt().toString() : null);
        node.put("revoked_by", record.revokedBy());
        node.put("revoke_reason", record.revokeReason());
      }
      out.println(root);
      return 0;
    }
    if (records.isEmpty()) {
      out.println(list.userId().map(user -> "No keys for user " + user).orElse("No keys"));
      return 0;
    }
    String row = "%-14s%-26s%-7s%-9s%-9s%-22s%s%n";
    out.printf(row, "KEY_ID", "USER", "TIER", "ROLE", "PRIVATE", "CREATED", "REVOKED");
    for (KeyRecord record : records) {
      out.printf(
          row,
          record.keyId(),
          record.userId(),
          record.tier().wire(),
          record.role().wire(),
          record.privateUser() ? "yes" : "-",
          seconds(record.createdAt()),
          record.isRevoked() ? revocation(record) : "-");
    }
    return 0;
  }

  /** A directory read to the end of the key topic. */
  private static KeyDirectory loaded(KeysEnvironment environment) throws InterruptedException {
    try (KeyMaterializer keys =
        new KeyMaterializer(environment.connection(), environment.topics()).start()) {
      if (!keys.awaitCaughtUp(TIMEOUT)) {
        throw new KeyTopicException(
            "could not read " + keys.topic() + " to its end within " + TIMEOUT.toSeconds() + " s");
      }
      return keys.directory();
    }
  }

  private static String revocation(KeyRecord record) {
    return seconds(record.revokedAt())
        + " by "
        + clean(record.revokedBy())
        + (record.revokeReason() == null ? "" : ": " + clean(record.revokeReason()));
  }

  private static String seconds(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Free text from the topic, made safe for a terminal. */
  private static String clean(String text) {
    return text.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ");
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
