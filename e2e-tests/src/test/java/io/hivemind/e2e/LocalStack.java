package io.hivemind.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The local stack started exactly as a user starts it, with {@code ./hivemind}, in its own home
 * under {@code target/} and on ports of its own so it never meets a stack the developer runs. Test
 * classes share one stack through {@link Shared}, so its start is paid once per run.
 *
 * <p>On a machine where those ports are taken (another stack, another checkout's tests), {@code
 * -Dhivemind.e2e.port-offset=N} moves every port by N and the home to {@code target/e2e-stack-N}.
 */
final class LocalStack implements AutoCloseable {

  private static final int PORT_OFFSET = Integer.getInteger("hivemind.e2e.port-offset", 0);

  static final int GATEWAY_PORT = 18080 + PORT_OFFSET;
  static final int QUERY_PORT = 18081 + PORT_OFFSET;
  static final int LEARNER_PORT = 18082 + PORT_OFFSET;
  static final int ANALYTICS_PORT = 18083 + PORT_OFFSET;
  static final int NOTIFIER_PORT = 18084 + PORT_OFFSET;
  static final int SECOND_QUERY_PORT = 18091 + PORT_OFFSET;
  static final int REGISTRY_PORT = 18085 + PORT_OFFSET;
  static final int KAFKA_PORT = 19092 + PORT_OFFSET;
  private static final int KAFKA_CONTROLLER_PORT = 19093 + PORT_OFFSET;

  private static final Duration COMMAND_BOUND = Duration.ofMinutes(6);

  private final Path checkout;
  private final Path home;

  private LocalStack(Path checkout, Path home) {
    this.checkout = checkout;
    this.home = home;
  }

  static LocalStack up() throws Exception {
    Path checkout = Path.of("..").toAbsolutePath().normalize();
    Path home =
        Path.of("target", PORT_OFFSET == 0 ? "e2e-stack" : "e2e-stack-" + PORT_OFFSET)
            .toAbsolutePath();
    LocalStack stack = new LocalStack(checkout, home);
    if (Files.exists(home)) {
      stack.hivemind("down"); // whatever an aborted earlier run left behind
      try (var paths = Files.walk(home)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try {
      stack.hivemind("up");
    } catch (Exception e) {
      stack.hivemind("down"); // what did start; the logs stay in the home for a look
      throw e;
    }
    return stack;
  }

  String gateway() {
    return "http://127.0.0.1:" + GATEWAY_PORT;
  }

  String query() {
    return "http://127.0.0.1:" + QUERY_PORT;
  }

  String registry() {
    return "http://127.0.0.1:" + REGISTRY_PORT;
  }

  String learner() {
    return "http://127.0.0.1:" + LEARNER_PORT;
  }

  /** The analytics service, which also serves the dashboard. */
  String analytics() {
    return "http://127.0.0.1:" + ANALYTICS_PORT;
  }

  /**
   * {@code kill -9} of one instance the stack started (its PID from {@code pids/<name>.pid}),
   * returning once it is gone; {@code ./hivemind up} starts it again.
   */
  void killHard(String name) throws IOException {
    long pid =
        Long.parseLong(Files.readString(home.resolve("pids").resolve(name + ".pid")).strip());
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    process.destroyForcibly();
    process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** The notifier (ADR 25): subscriptions and deliveries. */
  String notifier() {
    return "http://127.0.0.1:" + NOTIFIER_PORT;
  }

  /** The broker's bootstrap address, for a test that reads the topics itself. */
  String kafka() {
    return "127.0.0.1:" + KAFKA_PORT;
  }

  /** The operator {@code ./hivemind} runs as here: its admin key is made for this user. */
  static final String OPERATOR = "e2e-operator";

  private final Map<String, String> botKeys = new ConcurrentHashMap<>();

  /** Where {@code ./hivemind up} wrote the operator's admin key. */
  Path adminKeyFile() {
    return home.resolve("admin.key");
  }

  String adminKey() throws IOException {
    return Files.readString(adminKeyFile()).strip();
  }

  /**
   * A bot key for {@code user}, made once per stack with {@code ./hivemind keys create}, returned
   * once both services accept it (they follow the keys topic; a fresh key is unknown for a moment).
   */
  String botKey(String user) throws Exception {
    String known = botKeys.get(user);
    if (known != null) {
      return known;
    }
    String json = hivemind("keys", "create", "--user", user, "--tier", "elite", "--json");
    String key =
        Http.JSON
            .readTree(
                json.lines()
                    .filter(l -> l.startsWith("{"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no key in: " + json)))
            .get("key")
            .asText();
    Http http = new Http();
    Awaitility.await("both services accept the new key of " + user)
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                http.get(gateway() + "/api/maintenance/status", Http.bearer(key)).status() != 401
                    && http.get(query() + "/api/ml/stats?symbol=ES", Http.bearer(key)).status()
                        != 401);
    botKeys.put(user, key);
    return key;
  }

  private String fleetHistory;

  /**
   * A demo fleet has traded on this stack ({@code ./hivemind demo --bots 12 --duration 20s}): run
   * once per stack for every test class that needs a fleet's history in the topics (the dashboard's
   * figures and leaderboard, a replay's input), by whichever of them comes first.
   */
  synchronized void aFleetHasTraded() throws Exception {
    if (fleetHistory == null) {
      fleetHistory = hivemind("demo", "--bots", "12", "--duration", "20s", "--seed", "31");
    }
  }

  String secondQuery() {
    return "http://127.0.0.1:" + SECOND_QUERY_PORT;
  }

  void startSecondQueryInstance() throws Exception {
    hivemind("start", "confidence-query", "--port", String.valueOf(SECOND_QUERY_PORT));
  }

  /** {@code ./hivemind stop <name>}: stops one instance, e.g. {@code learner-streams}. */
  void stop(String instance) throws Exception {
    hivemind("stop", instance);
  }

  /** {@code ./hivemind start <service>}: returns once the instance reports itself ready. */
  void start(String service) throws Exception {
    hivemind("start", service);
  }

  @Override
  public void close() throws Exception {
    hivemind("down");
  }

  /**
   * Resolves a {@code LocalStack} parameter (of a {@code @BeforeAll} method, say) to the one stack
   * of this test run: started on first use, stopped when the run ends, after the last test class.
   */
  static final class Shared implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(LocalStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      // the root context's store closes what it holds (AutoCloseable) when the run ends
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .computeIfAbsent(LocalStack.class, key -> started(), LocalStack.class);
    }

    private static LocalStack started() {
      try {
        return up();
      } catch (Exception e) {
        throw new IllegalStateException("the local stack did not start", e);
      }
    }
  }

  /** {@code ./hivemind <args>} against this stack, e.g. {@code demo --bots 8}: its output. */
  String hivemind(String... args) throws Exception {
    Finished finished = attempt(args);
    if (finished.status() != 0) {
      throw new IllegalStateException(
          "./hivemind " + String.join(" ", args) + " failed:\n" + tail(finished.output()));
    }
    return finished.output();
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** How a command ended: its exit status and what it printed (stdout and stderr). */
  record Finished(int status, String output) {}

  /** {@code ./hivemind <args>}, which may fail: for tests of refusals. */
  Finished attempt(String... args) throws Exception {
    return attempt(Map.of(), args);
  }

  /**
   * {@code ./hivemind <args>} with more settings in its environment (e.g. a shorter {@code
   * HIVEMIND_WAIT_SECONDS}), which may fail.
   */
  Finished attempt(Map<String, String> settings, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(checkout.resolve("hivemind").toString());
    command.addAll(List.of(args));
    // ./hivemind creates (and marks) its home itself; it refuses to --clean one it did not make
    Path log = home.resolveSibling("e2e-hivemind.log");
    Files.createDirectories(log.getParent());
    Path output = Files.createTempFile(log.getParent(), "hivemind-", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(checkout.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("HIVEMIND_HOME", home.toString());
    // the tests' webhook receivers listen on 127.0.0.1 (ADR 25)
    builder.environment().put("HIVEMIND_NOTIFIER_ALLOW_LOOPBACK", "true");
    builder
        .environment()
        .putAll(
            Map.of(
                "HIVEMIND_OPERATOR", OPERATOR,
                "GATEWAY_PORT", String.valueOf(GATEWAY_PORT),
                "QUERY_PORT", String.valueOf(QUERY_PORT),
                "LEARNER_PORT", String.valueOf(LEARNER_PORT),
                "ANALYTICS_PORT", String.valueOf(ANALYTICS_PORT),
                "NOTIFIER_PORT", String.valueOf(NOTIFIER_PORT),
                "REGISTRY_PORT", String.valueOf(REGISTRY_PORT),
                "KAFKA_PORT", String.valueOf(KAFKA_PORT),
                "KAFKA_CONTROLLER_PORT", String.valueOf(KAFKA_CONTROLLER_PORT)));
    builder.environment().putAll(settings);
    Process process = builder.start();
    boolean exited = process.waitFor(COMMAND_BOUND.toSeconds(), TimeUnit.SECONDS);
    if (!exited) {
      process.destroy();
    }
    String printed = Files.readString(output);
    Files.writeString(log, printed, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Files.delete(output);
    if (!exited) {
      throw new IllegalStateException("./hivemind " + String.join(" ", args) + " timed out");
    }
    return new Finished(process.exitValue(), printed);
  }
}
