package io.hivemind.testkit;

import io.hivemind.schema.TopicProvisioner;
import io.hivemind.schema.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.awaitility.Awaitility;

/**
 * A real Kafka broker (Kafka's own {@link KafkaClusterTestKit}, in process) and a real Apicurio
 * Registry (its runnable jar, in-memory storage, as a child process), started once per test JVM and
 * stopped when the JVM exits. Test classes share it and keep apart by their own ids.
 *
 * <p>Once per JVM, not once per copy of this class: each Quarkus test profile loads the test
 * classes, this one among them, again in a class loader of its own (and closes it when the
 * profile's app stops). The stack is therefore owned by the copy the JVM's own class loader holds;
 * any other copy asks that one for the stack's addresses, plain strings, and works through them.
 */
public final class KafkaStack {

  private static KafkaStack shared;

  /** Null in a copy that only holds the addresses of the JVM's stack. */
  private final KafkaClusterTestKit cluster;

  private final Process registry;
  private final String bootstrapServers;
  private final String registryBaseUrl;

  private KafkaStack(
      KafkaClusterTestKit cluster,
      Process registry,
      String bootstrapServers,
      String registryBaseUrl) {
    this.cluster = cluster;
    this.registry = registry;
    this.bootstrapServers = bootstrapServers;
    this.registryBaseUrl = registryBaseUrl;
  }

  /** The JVM's stack, started on first use. */
  public static synchronized KafkaStack shared() {
    if (shared == null) {
      shared = ownedByTheJvmsClassLoader() ? started() : ofTheJvmsCopy();
    }
    return shared;
  }

  /**
   * The addresses of the JVM's stack, started on first use: for a copy of this class in another
   * class loader, which shares no types with this one but {@code String}.
   */
  public static String[] jvmStackAddresses() {
    KafkaStack stack = shared();
    return new String[] {stack.bootstrapServers, stack.registryBaseUrl};
  }

  private static boolean ownedByTheJvmsClassLoader() {
    return KafkaStack.class.getClassLoader() == ClassLoader.getSystemClassLoader();
  }

  private static KafkaStack started() {
    KafkaStack stack = start();
    Thread stop = new Thread(stack::stop, "kafka-stack-stop");
    stop.setContextClassLoader(KafkaStack.class.getClassLoader());
    Runtime.getRuntime().addShutdownHook(stop);
    return stack;
  }

  private static KafkaStack ofTheJvmsCopy() {
    Class<?> jvmCopy;
    try {
      jvmCopy = ClassLoader.getSystemClassLoader().loadClass(KafkaStack.class.getName());
    } catch (ClassNotFoundException notOnTheClassPath) {
      return started(); // a class loader of its own all along: the stack is this copy's
    }
    try {
      String[] addresses = (String[]) jvmCopy.getMethod("jvmStackAddresses").invoke(null);
      return new KafkaStack(null, null, addresses[0], addresses[1]);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not reach the JVM's test Kafka stack", e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Base of Apicurio's v3 REST API, the URL the serdes take. */
  public String registryUrl() {
    return registryBaseUrl + "/apis/registry/v3";
  }

  /**
   * A {@link TcpProxy} in front of the registry: a test points a service at {@link
   * #registryUrlThrough} and makes the registry unreachable (refused, hanging) and back, while the
   * registry itself keeps running and keeps its schema ids (in memory, a restart would lose them).
   */
  public TcpProxy proxyToRegistry() {
    URI base = URI.create(registryBaseUrl);
    return TcpProxy.to(base.getHost(), base.getPort());
  }

  /** Base of Apicurio's v3 REST API as reached through {@code proxy}. */
  public static String registryUrlThrough(TcpProxy proxy) {
    return "http://127.0.0.1:" + proxy.port() + "/apis/registry/v3";
  }

  /** Base of the registry's Confluent-compatible API. */
  public String registryCcompatUrl() {
    return registryBaseUrl + "/apis/ccompat/v7";
  }

  public Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Admin.create(props);
  }

  /** Creates the system's topics under {@code topics}' prefix, if missing. */
  public void createTopics(Topics topics, int partitions) {
    try (Admin admin = admin()) {
      new TopicProvisioner(admin)
          .createMissing(topics, partitions, TopicProvisioner.Replication.SINGLE);
    } catch (Exception e) {
      throw new IllegalStateException("could not create topics", e);
    }
  }

  private static KafkaStack start() {
    // the broker loads classes named in its config through the context class loader, and its
    // threads inherit it: it must be this copy's, not that of the Quarkus app that asked first
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(KafkaStack.class.getClassLoader());
    Process registry = null;
    try {
      // the registry (in-memory, no Kafka) boots while the broker does: one wait, not two
      int port = freePort();
      registry = startRegistry(port);
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      String base = "http://127.0.0.1:" + port;
      awaitReady(base, registry);
      setBackwardCompatibility(base);
      return new KafkaStack(cluster, registry, cluster.bootstrapServers(), base);
    } catch (Exception e) {
      if (registry != null) {
        registry.destroy();
      }
      throw new IllegalStateException("could not start the test Kafka stack", e);
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  private static Process startRegistry(int port) throws IOException {
    Path home = apicurioHome();
    Path runner;
    try (var files = Files.list(home)) {
      runner =
          files
              .filter(p -> p.getFileName().toString().endsWith("-runner.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no Apicurio runner jar in " + home));
    }
    Path log = Path.of("target", "apicurio-registry-test.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-Xmx384m",
                // a test's registry serves a few dozen requests: a quick start on busy cores
                // matters more than peak speed (C1 only, one GC thread)
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-jar",
                runner.toString()))
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static Path apicurioHome() throws IOException {
    Properties props = new Properties();
    try (InputStream in = KafkaStack.class.getResourceAsStream("/hivemind-test-kit.properties")) {
      props.load(in);
    }
    Path home = Path.of(props.getProperty("apicurio.home")).normalize();
    if (!Files.isDirectory(home)) {
      throw new IllegalStateException(
          "Apicurio Registry is not laid out at " + home + ": build the local-stack module first");
    }
    return home;
  }

  private static void awaitReady(String base, Process registry) {
    HttpClient http = HttpClient.newHttpClient();
    Awaitility.await("Apicurio Registry ready")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!registry.isAlive()) {
                throw new IllegalStateException(
                    "registry exited: see target/apicurio-registry-test.log");
              }
              try {
                return http.send(
                            HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200;
              } catch (IOException e) {
                return false;
              }
            });
  }

  private static void setBackwardCompatibility(String base) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/apis/registry/v3/admin/rules"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
      throw new IllegalStateException("could not set the BACKWARD rule: " + response.body());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stop() {
    // The JVM is exiting with the tests' own status: a broker that hits an error while it shuts
    // down must not replace that status by halting the JVM.
    Exit.setExitProcedure((status, message) -> {});
    Exit.setHaltProcedure((status, message) -> {});
    registry.destroy();
    try {
      cluster.close();
    } catch (Exception e) {
      // the JVM is exiting; nothing else to do with it
    }
  }

  /** The settings a Quarkus service under test needs to reach this stack. */
  public Map<String, String> serviceConfig() {
    return Map.of(
        "kafka.bootstrap.servers", bootstrapServers(),
        "hivemind.registry.url", registryUrl());
  }
}
