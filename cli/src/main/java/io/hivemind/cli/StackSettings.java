package io.hivemind.cli;

import io.hivemind.bench.Stack;
import io.hivemind.schema.KafkaEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where the stack is, as {@code ./hivemind} exports it to the CLI (from {@code
 * local-stack/services.conf} and the environment); the one reader of those settings for every
 * command. The gateway's address ({@code HIVEMIND_GATEWAY_URL}, else {@code GATEWAY_PORT} on
 * 127.0.0.1), the other services' ({@code QUERY_PORT}, {@code LEARNER_PORT}, {@code
 * ANALYTICS_PORT}, {@code NOTIFIER_PORT}, the registry's {@code HIVEMIND_REGISTRY_URL} else {@code
 * REGISTRY_PORT}), the operator's admin key in {@code $HIVEMIND_HOME/admin.key}, who the operator
 * is, the stack's Kafka and its partitions, and where the stack keeps its state ({@code
 * HIVEMIND_HOME}) and its code ({@code HIVEMIND_ROOT}).
 */
public record StackSettings(
    URI gateway,
    URI query,
    URI learner,
    URI analytics,
    URI notifier,
    URI registryApi,
    Path adminKeyFile,
    Duration timeout,
    String operator,
    KafkaEnvironment kafka,
    int partitions,
    Path home,
    Path root) {

  private static final String HOST = "http://127.0.0.1:";

  private static final Pattern KEY = Pattern.compile("^hm_[a-z2-7]{12}_[A-Za-z0-9_-]{20,}$");
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  static StackSettings from(Map<String, String> env) {
    String url = env.get("HIVEMIND_GATEWAY_URL");
    if (url == null || url.isBlank()) {
      url = "http://127.0.0.1:" + env.getOrDefault("GATEWAY_PORT", "8080");
    }
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    Path root = Path.of(env.getOrDefault("HIVEMIND_ROOT", ".")).toAbsolutePath().normalize();
    Path home = Path.of(env.getOrDefault("HIVEMIND_HOME", ".hivemind")).toAbsolutePath();
    return new StackSettings(
        URI.create(url),
        URI.create(HOST + env.getOrDefault("QUERY_PORT", "8081")),
        URI.create(HOST + env.getOrDefault("LEARNER_PORT", "8082")),
        URI.create(HOST + env.getOrDefault("ANALYTICS_PORT", "8083")),
        URI.create(HOST + env.getOrDefault("NOTIFIER_PORT", "8084")),
        URI.create(
            env.getOrDefault(
                "HIVEMIND_REGISTRY_URL",
                HOST + env.getOrDefault("REGISTRY_PORT", "8085") + "/apis/registry/v3")),
        home.resolve("admin.key"),
        TIMEOUT,
        operator(env),
        kafka(env),
        partitions(env.getOrDefault("HIVEMIND_PARTITIONS", "6")),
        home,
        root);
  }

  /** The settings a command runs with: its root command's ({@link Hivemind}), in any package. */
  public static StackSettings of(CommandSpec command) {
    return ((Hivemind) command.root().userObject()).settings;
  }

  private static int partitions(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new CliException("HIVEMIND_PARTITIONS must be a whole number, got '" + text + "'");
    }
  }

  /** HIVEMIND_OPERATOR, or the login name: who the key records say made or revoked a key. */
  private static String operator(Map<String, String> env) {
    String name = env.get("HIVEMIND_OPERATOR");
    if (name == null || name.isBlank()) {
      name = System.getProperty("user.name", "");
    }
    name = name.replaceAll("[^A-Za-z0-9._@-]", "_");
    name = name.length() > 64 ? name.substring(0, 64) : name;
    return name.isEmpty() ? "unknown" : name;
  }

  /**
   * The stack's Kafka ({@code KAFKA_BOOTSTRAP_SERVERS} or {@code KAFKA_PORT}, {@code
   * HIVEMIND_TOPIC_PREFIX}, and for a secured cluster {@code KAFKA_SECURITY_PROTOCOL}, {@code
   * KAFKA_SASL_*}, {@code KAFKA_SSL_*}), as the services read it.
   */
  private static KafkaEnvironment kafka(Map<String, String> env) {
    return KafkaEnvironment.from(env);
  }

  /** The stack as the benchmarks and the chaos drill take it. */
  public Stack stack() {
    // Topics keeps only the names it derives: each one is the prefix and its own name
    String signals = kafka.topics().signals;
    String prefix = signals.substring(0, signals.length() - "signals".length());
    return new Stack(
        gateway.toString(),
        query.toString(),
        learner.toString(),
        registryApi.toString(),
        kafka.bootstrap(),
        prefix,
        partitions,
        home,
        root);
  }

  /** The admin key, or a failure saying what is wrong with its file. */
  public String adminKey() {
    if (!Files.isRegularFile(adminKeyFile)) {
      throw new CliException(
          "no admin key at " + adminKeyFile + ": ./hivemind up creates it (HIVEMIND_HOME)");
    }
    String key;
    try {
      key = Files.readString(adminKeyFile).strip();
    } catch (IOException e) {
      throw new CliException("cannot read the admin key at " + adminKeyFile + ": " + e);
    }
    if (!KEY.matcher(key).matches()) {
      throw new CliException(
          adminKeyFile
              + " does not hold an API key (hm_<id>_<secret>): ./hivemind keys create --user "
              + operator
              + " --tier elite --role admin > "
              + adminKeyFile);
    }
    return key;
  }
}
