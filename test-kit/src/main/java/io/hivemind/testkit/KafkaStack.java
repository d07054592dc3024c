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
 */
public final class KafkaStack {

  private static KafkaStack shared;

  private final KafkaClusterTestKit cluster;
  private final Process registry;
  private final String registryBaseUrl;

  private KafkaStack(KafkaClusterTestKit cluster, Process registry, String registryBaseUrl) {
    this.cluster = cluster;
    this.registry = registry;
    this.registryBaseUrl = registryBaseUrl;
  }

  /** The JVM's stack, started on first use. */
  public static synchronized KafkaStack shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "kafka-stack-stop"));
    }
    return shared;
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
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
    try {
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
      int port = freePort();
      Process registry = startRegistry(port);
      String base = "http://127.0.0.1:" + port;
      awaitReady(base, registry);
      setBackwardCompatibility(base);
      return new KafkaStack(cluster, registry, base);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the test Kafka stack", e);
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
