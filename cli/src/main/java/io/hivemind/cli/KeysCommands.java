package io.hivemind.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyDirectory;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyMaterializer;
import io.hivemind.access.kafka.KeyTopicException;
import io.hivemind.access.kafka.KeyTopics;
import io.hivemind.access.kafka.KeyWriter;
import io.hivemind.schema.KafkaEnvironment;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./hivemind keys create|revoke|list}: API keys, straight to the stack's Kafka (the
 * compacted {@code <prefix>api-keys} every service follows). A key is printed once; only its hash
 * is stored; a list never shows a secret or a hash.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Issue, revoke and list API keys (straight to Kafka).",
    subcommands = {
      KeysCommands.Create.class,
      KeysCommands.Revoke.class,
      KeysCommands.ListKeys.class
    })
final class KeysCommands {

  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final int MAX_REASON = 500;

  /** A keys command: the stack's Kafka, its topic checked first, failures exit 1. */
  abstract static class KeysCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help and exit.")
    boolean help;

    abstract int run(KafkaEnvironment kafka, String operator, PrintWriter out, PrintWriter err)
        throws InterruptedException;

    /** Checks the command line before anything talks to Kafka: a usage error exits 2. */
    void validate() {}

    @Override
    public Integer call() throws InterruptedException {
      validate();
      StackSettings settings = ((Hivemind) spec.root().userObject()).settings;
      KafkaEnvironment kafka = settings.kafka();
      try {
        KeyTopics.requireExists(kafka.connection(), kafka.topics().apiKeys, TIMEOUT);
        return run(
            kafka, settings.operator(), spec.commandLine().getOut(), spec.commandLine().getErr());
      } catch (KeyTopicException e) {
        throw new CliException("keys: " + e.getMessage());
      }
    }

    ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }

  @Command(
      name = "create",
      description =
          "Issue a key for a user (role bot unless given). The key is printed once, alone on"
              + " stdout; only its SHA-256 is stored.")
  static final class Create extends KeysCommand {

    @Option(
        names = "--user",
        required = true,
        description = "The user: 1-64 letters, digits, '.', '_', ':' or '-'.")
    String user;

    @Option(names = "--tier", required = true, description = "basic, pro or elite.")
    String tier;

    @Option(
        names = "--role",
        defaultValue = "bot",
        description = "bot (default), analyst or admin.")
    String role;

    @Option(
        names = "--private",
        description =
            "A private user: trades never reach the community, answers draw nothing from it.")
    boolean privateUser;

    @Option(
        names = "--json",
        description = "Print {\"key\",\"user_id\",\"tier\",\"role\",\"private\"}.")
    boolean json;

    private Tier parsedTier;
    private Role parsedRole;

    @Override
    void validate() {
      if (!KeyRecord.isUserId(user)) {
        throw usage(
            "--user must be 1-64 letters, digits, '.', '_', ':' or '-', not '"
                + Views.clean(user)
                + "'");
      }
      parsedTier = choice("--tier", tier, Tier::fromWire);
      parsedRole = choice("--role", role, Role::fromWire);
    }

    @Override
    int run(KafkaEnvironment kafka, String operator, PrintWriter out, PrintWriter err)
        throws InterruptedException {
      ApiKey key = ApiKey.generate(new SecureRandom());
      KeyRecord record =
          KeyRecord.issue(key, user, parsedTier, parsedRole, now(), operator, privateUser);
      try (KeyWriter writer = new KeyWriter(kafka.connection(), kafka.topics(), TIMEOUT)) {
        writer.write(record);
      }
      if (json) {
        ObjectNode node = Gateway.JSON.createObjectNode();
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
      out.flush();
      err.flush();
      return 0;
    }

    private <T> T choice(
        String option, String value, java.util.function.Function<String, T> choice) {
      try {
        return choice.apply(value);
      } catch (IllegalArgumentException e) {
        throw usage(option + " " + e.getMessage() + ", not '" + Views.clean(value) + "'");
      }
    }
  }

  @Command(name = "revoke", description = "Revoke a key: every service refuses it within seconds.")
  static final class Revoke extends KeysCommand {

    @Parameters(paramLabel = "KEY_ID_OR_KEY", description = "The key id, or the whole key.")
    String argument;

    @Option(names = "--reason", description = "Why (1-500 characters), kept in the key's record.")
    String reason;

    private String keyId;

    @Override
    void validate() {
      keyId = keyIdOf(argument);
      if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON)) {
        throw usage("--reason must be 1-" + MAX_REASON + " characters");
      }
    }

    @Override
    int run(KafkaEnvironment kafka, String operator, PrintWriter out, PrintWriter err)
        throws InterruptedException {
      Optional<KeyRecord> found = loaded(kafka).find(keyId);
      if (found.isEmpty()) {
        throw new CliException("keys: no key " + keyId + " in " + kafka.topics().apiKeys);
      }
      KeyRecord record = found.get();
      if (record.isRevoked()) {
        out.printf(
            "key %s of user %s was already revoked at %s by %s%n",
            record.keyId(), record.userId(), record.revokedAt(), Views.clean(record.revokedBy()));
        out.flush();
        return 0;
      }
      try (KeyWriter writer = new KeyWriter(kafka.connection(), kafka.topics(), TIMEOUT)) {
        writer.write(record.revoke(now(), operator, reason));
      }
      out.printf(
          "revoked key %s of user %s (tier %s, role %s): every service refuses it within seconds%n",
          record.keyId(), record.userId(), record.tier().wire(), record.role().wire());
      out.flush();
      return 0;
    }

    private String keyIdOf(String value) {
      if (ApiKey.isKeyId(value)) {
        return value;
      }
      Optional<ApiKey> key = ApiKey.parse(value);
      if (key.isPresent()) {
        return key.get().keyId();
      }
      // never echo the argument: it may be a mistyped secret
      throw usage(
          "not a key id ("
              + ApiKey.KEY_ID_LENGTH
              + " characters a-z, 2-7) nor a key ("
              + ApiKey.PREFIX
              + "<key id>_<secret>)");
    }
  }

  @Command(
      name = "list",
      description = "Every key (or a user's): key id, user, tier, role, private, created, revoked.")
  static final class ListKeys extends KeysCommand {

    @Option(names = "--user", description = "Only this user's keys.")
    String user;

    @Option(names = "--json", description = "Print {\"keys\":[…]}.")
    boolean json;

    @Override
    int run(KafkaEnvironment kafka, String operator, PrintWriter out, PrintWriter err)
        throws InterruptedException {
      List<KeyRecord> records =
          loaded(kafka).records().stream()
              .filter(record -> user == null || record.userId().equals(user))
              .toList();
      if (json) {
        ObjectNode root = Gateway.JSON.createObjectNode();
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
      } else if (records.isEmpty()) {
        out.println(user == null ? "No keys" : "No keys for user " + Views.clean(user));
      } else {
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
      }
      out.flush();
      return 0;
    }
  }

  /** A directory read to the end of the key topic. */
  private static KeyDirectory loaded(KafkaEnvironment kafka) throws InterruptedException {
    try (KeyMaterializer keys = new KeyMaterializer(kafka.connection(), kafka.topics()).start()) {
      if (!keys.awaitCaughtUp(TIMEOUT)) {
        throw new CliException(
            "keys: could not read "
                + keys.topic()
                + " to its end within "
                + TIMEOUT.toSeconds()
                + " s");
      }
      return keys.directory();
    }
  }

  private static String revocation(KeyRecord record) {
    return seconds(record.revokedAt())
        + " by "
        + Views.clean(record.revokedBy())
        + (record.revokeReason() == null ? "" : ": " + Views.clean(record.revokeReason()));
  }

  private static String seconds(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
