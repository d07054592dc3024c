package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hivemind.testkit.DebianPackages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml must run what {@code ./hivemind up} runs: the same services, the same
 * environment keys, the same ports and defaults, images built from the modules' Dockerfiles. The
 * local stack's side is its declaration, {@code local-stack/services.conf}.
 */
class ComposeFileTest {

  /** Compose services with no section in services.conf: ./hivemind runs these steps itself. */
  private static final Set<String> COMPOSE_ONLY =
      Set.of("kafka", "kafka-2", "kafka-3", "topic-init");

  /** The Kafka nodes of a cluster (./hivemind up --brokers 3) and their port settings. */
  private static final Map<String, String> KAFKA_NODES =
      Map.of("kafka", "KAFKA_PORT", "kafka-2", "KAFKA_2_PORT", "kafka-3", "KAFKA_3_PORT");

  private static final Pattern LOCAL_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern COMPOSE_REF =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

  private static final Path ROOT = repositoryRoot();

  private LocalStack local;
  private ObjectNode compose;

  @BeforeEach
  void readBothDeclarations() throws IOException {
    local = LocalStack.parse(ROOT.resolve("local-stack/services.conf"));
    compose =
        (ObjectNode)
            new ObjectMapper(new YAMLFactory())
                .readTree(ROOT.resolve("docker-compose.yml").toFile());
  }

  /**
   * A real Compose parser accepts the file ({@code docker-compose config}, Debian's, installed on
   * first use; it needs no Docker engine), and refuses it without the analytics' secret, naming it.
   */
  @Test
  void shouldBeAcceptedByComposeItselfAndRequireTheAnalyticsSecret() throws Exception {
    Path compose =
        DebianPackages.ensureCommand(
            Path.of("/usr/bin/docker-compose"), "docker-compose", "docker-compose");

    Compose withSecret =
        config(compose, Map.of("HIVEMIND_ANALYTICS_HANDLE_SECRET", "0123456789abcdef0123"));
    Compose without = config(compose, Map.of());

    assertThat(withSecret.exit()).as(withSecret.output()).isZero();
    assertThat(withSecret.output()).contains("ingest-gateway", "learner-streams", "analytics");
    assertThat(without.exit()).as(without.output()).isNotZero();
    assertThat(without.output()).contains("HIVEMIND_ANALYTICS_HANDLE_SECRET");
  }

  private record Compose(int exit, String output) {}

  private static Compose config(Path compose, Map<String, String> environment) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                compose.toString(), "-f", ROOT.resolve("docker-compose.yml").toString(), "config")
            .directory(ROOT.toFile())
            .redirectErrorStream(true);
    builder.environment().remove("HIVEMIND_ANALYTICS_HANDLE_SECRET");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    boolean exited = process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
      throw new IllegalStateException("docker-compose config did not end within 60 s: " + output);
    }
    return new Compose(process.exitValue(), output);
  }

  @Test
  void shouldDeclareTheSameServicesKeysAndPortsAsTheLocalStack() {
    assertThat(local.processes())
        .contains("registry", "ingest-gateway", "confidence-query", "learner-streams");
    assertThat(problems()).isEmpty();
  }

  @Test
  void shouldReportAKeyTheLocalStackSetsButComposeDoesNot() {
    environment("confidence-query").remove("HIVEMIND_QUERY_ADVERTISED_HOST");

    assertThat(problems())
        .containsExactly(
            "confidence-query: HIVEMIND_QUERY_ADVERTISED_HOST is set by ./hivemind, not in"
                + " compose");
  }

  @Test
  void shouldReportAKeyComposeSetsButTheLocalStackDoesNot() {
    environment("ingest-gateway").put("HIVEMIND_INGEST_MAX_BATCH", "10");

    assertThat(problems())
        .containsExactly(
            "ingest-gateway: HIVEMIND_INGEST_MAX_BATCH is set in compose, not by ./hivemind");
  }

  @Test
  void shouldReportAPortWithAnotherDefault() {
    environment("learner-streams").put("QUARKUS_HTTP_PORT", "${LEARNER_PORT:-9082}");

    assertThat(problems())
        .containsExactly(
            "learner-streams: QUARKUS_HTTP_PORT is 9082 in compose, 8082 in ./hivemind");
  }

  @Test
  void shouldReportAPortPublishedAsAnother() {
    ArrayNode ports = (ArrayNode) service("learner-streams").get("ports");
    ports.set(0, ports.textNode("9082:8082"));

    assertThat(problems())
        .containsExactly("learner-streams: compose does not publish port 8082 as 8082:8082");
  }

  @Test
  void shouldReportAPortThatIsNotOverridableByTheSameVariable() {
    environment("ingest-gateway").put("QUARKUS_HTTP_PORT", "8080");

    assertThat(problems())
        .containsExactly(
            "ingest-gateway: QUARKUS_HTTP_PORT in compose does not use ${GATEWAY_PORT}");
  }

  @Test
  void shouldReportASettingWithAnotherValue() {
    environment("registry").put("APICURIO_STORAGE_KIND", "sql");

    assertThat(problems())
        .containsExactly(
            "registry: APICURIO_STORAGE_KIND is sql in compose, kafkasql in ./hivemind");
  }

  @Test
  void shouldReportAClusterNodeWithOneReplicaHardCoded() {
    ((ObjectNode) environment("kafka-3")).put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");

    assertThat(problems())
        .containsExactly(
            "kafka-3: KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR does not use"
                + " ${HIVEMIND_REPLICATION_FACTOR}");
  }

  @Test
  void shouldReportAClusterNodeOnAnotherPort() {
    ArrayNode ports = (ArrayNode) service("kafka-2").get("ports");
    ports.set(0, ports.textNode("9192:9192"));

    assertThat(problems())
        .containsExactly("kafka-2: compose does not publish port 9094 as 9094:9094");
  }

  @Test
  void shouldReportAServiceMissingInCompose() {
    ((ObjectNode) compose.get("services")).remove("learner-streams");

    assertThat(problems()).contains("learner-streams: started by ./hivemind, missing in compose");
  }

  @Test
  void shouldReportAServiceOnlyInCompose() {
    ((ObjectNode) compose.get("services")).set("cache", compose.objectNode().put("image", "redis"));

    assertThat(problems()).containsExactly("cache: in compose, unknown to ./hivemind");
  }

  @Test
  void shouldReportAMissingDockerfile() {
    ((ObjectNode) service("ingest-gateway").get("build"))
        .put("dockerfile", "src/main/docker/Dockerfile.native");

    assertThat(problems())
        .containsExactly(
            "ingest-gateway: build must use src/main/docker/Dockerfile.jvm, not"
                + " src/main/docker/Dockerfile.native");
  }

  @Test
  void shouldReportAHealthcheckOnAnotherPath() {
    ArrayNode test = (ArrayNode) service("confidence-query").get("healthcheck").get("test");
    test.set(test.size() - 1, test.textNode("curl -f http://127.0.0.1:8081/q/health/live"));

    assertThat(problems())
        .containsExactly("confidence-query: healthcheck does not probe /q/health/ready");
  }

  @Test
  void shouldReportAnImageVersionOtherThanTheBuildsOwn() {
    service("registry").put("image", "apicurio/apicurio-registry:3.1.0");

    assertThat(problems())
        .containsExactly("registry: image apicurio/apicurio-registry:3.1.0, the build pins 3.0.9");
  }

  @Test
  void shouldDefaultEverySettingItPassesToWhatTheServiceUsesWithoutIt() {
    assertThat(local.environment("ingest-gateway")).containsKey("HIVEMIND_INSTRUMENTS");
    assertThat(local.environment("confidence-query")).containsKey("HIVEMIND_INSTRUMENTS");
    assertThat(local.environment("analytics")).containsKey("HIVEMIND_INSTRUMENTS");
    assertThat(defaultsApart()).isEmpty();
  }

  @Test
  void shouldReportALauncherDefaultOtherThanTheServicesOwn() {
    local.settings().put("HIVEMIND_INSTRUMENTS", "ES,NQ");

    assertThat(defaultsApart())
        .containsExactly(
            "confidence-query: HIVEMIND_INSTRUMENTS is ES,NQ by default in ./hivemind,"
                + " ES,NQ,CL,GC,YM,RTY,MES,MNQ,MCL,MGC,MYM,M2K in its application.properties",
            "ingest-gateway: HIVEMIND_INSTRUMENTS is ES,NQ by default in ./hivemind,"
                + " ES,NQ,CL,GC,YM,RTY,MES,MNQ,MCL,MGC,MYM,M2K in its application.properties",
            "analytics: HIVEMIND_INSTRUMENTS is ES,NQ by default in ./hivemind,"
                + " ES,NQ,CL,GC,YM,RTY,MES,MNQ,MCL,MGC,MYM,M2K in its application.properties");
  }

  // --- the comparison ----------------------------------------------------------------------

  /**
   * A setting both stacks pass to a service ({@code HIVEMIND_INSTRUMENTS}) must default to the
   * value the service's own application.properties gives it: a service started without the launcher
   * (tests, a bare jar) behaves as the stacks do. Compose is held to the launcher's defaults by
   * {@link #problems}.
   */
  private List<String> defaultsApart() {
    List<String> apart = new ArrayList<>();
    for (String name : local.processes()) {
      Path file = ROOT.resolve(name).resolve("src/main/resources/application.properties");
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Properties properties = new Properties();
      try (var in = Files.newBufferedReader(file)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, String> byVariable = new LinkedHashMap<>();
      for (String property : properties.stringPropertyNames()) {
        String value = properties.getProperty(property);
        if (!property.startsWith("%") && !value.contains("${")) {
          // how SmallRye Config matches an environment variable to a property
          byVariable.put(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), value);
        }
      }
      for (Map.Entry<String, String> entry : local.environment(name).entrySet()) {
        String own = byVariable.get(entry.getKey());
        if (own == null || local.isPlacement(entry.getValue())) {
          continue;
        }
        String launcher = local.resolve(entry.getValue());
        if (!launcher.equals(own)) {
          apart.add(
              name
                  + ": "
                  + entry.getKey()
                  + " is "
                  + launcher
                  + " by default in ./hivemind, "
                  + own
                  + " in its application.properties");
        }
      }
    }
    return apart;
  }

  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    JsonNode services = compose.path("services");
    for (String name : local.processes()) {
      if (!services.has(name)) {
        problems.add(name + ": started by ./hivemind, missing in compose");
        continue;
      }
      compareEnvironment(name, problems);
      comparePort(name, problems);
      if (Files.isRegularFile(ROOT.resolve(name).resolve("pom.xml"))) {
        compareBuild(name, problems);
      }
    }
    services
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!local.processes().contains(name) && !COMPOSE_ONLY.contains(name)) {
                problems.add(name + ": in compose, unknown to ./hivemind");
              }
            });
    compareInfrastructure(problems);
    return problems;
  }

  private void compareEnvironment(String name, List<String> problems) {
    Map<String, String> localEnv = local.environment(name);
    Map<String, String> composeEnv = composeEnvironment(name);
    for (String key : localEnv.keySet()) {
      if (!composeEnv.containsKey(key)) {
        problems.add(name + ": " + key + " is set by ./hivemind, not in compose");
      }
    }
    for (String key : composeEnv.keySet()) {
      if (!localEnv.containsKey(key)) {
        problems.add(name + ": " + key + " is set in compose, not by ./hivemind");
      }
    }
    for (Map.Entry<String, String> entry : localEnv.entrySet()) {
      String key = entry.getKey();
      String composeValue = composeEnv.get(key);
      if (composeValue == null || local.isPlacement(entry.getValue())) {
        // where a process binds, finds Kafka or keeps state is each stack's own business
        continue;
      }
      for (String setting : local.settingsIn(entry.getValue())) {
        if (!composeVariables(composeValue).contains(setting)) {
          problems.add(name + ": " + key + " in compose does not use ${" + setting + "}");
        }
      }
      String expected = local.resolve(entry.getValue());
      String actual = resolveCompose(composeValue);
      if (!expected.equals(actual)) {
        problems.add(
            name + ": " + key + " is " + actual + " in compose, " + expected + " in ./hivemind");
      }
    }
  }

  private void comparePort(String name, List<String> problems) {
    String port = local.resolve(local.environment(name).getOrDefault("QUARKUS_HTTP_PORT", ""));
    if (port.isEmpty()) {
      problems.add(name + ": ./hivemind gives it no QUARKUS_HTTP_PORT");
      return;
    }
    if (!publishedPorts(name).contains(port + ":" + port)) {
      problems.add(name + ": compose does not publish port " + port + " as " + port + ":" + port);
    }
    String probe = name.equals("registry") ? "/health/ready" : "/q/health/ready";
    StringBuilder healthcheck = new StringBuilder();
    service(name)
        .path("healthcheck")
        .path("test")
        .forEach(part -> healthcheck.append(part.asText()).append(' '));
    if (!healthcheck.toString().contains(probe)) {
      problems.add(name + ": healthcheck does not probe " + probe);
    }
  }

  private void compareBuild(String name, List<String> problems) {
    JsonNode build = service(name).path("build");
    Path context = ROOT.resolve(build.path("context").asText("")).normalize();
    if (!context.equals(ROOT.resolve(name))) {
      problems.add(
          name + ": build context is " + build.path("context").asText() + ", not ./" + name);
      return;
    }
    String dockerfile = build.path("dockerfile").asText("");
    if (!dockerfile.equals("src/main/docker/Dockerfile.jvm")) {
      problems.add(name + ": build must use src/main/docker/Dockerfile.jvm, not " + dockerfile);
      return;
    }
    Path file = context.resolve(dockerfile);
    if (!Files.isRegularFile(file)) {
      problems.add(name + ": " + ROOT.relativize(file) + " is missing");
      return;
    }
    String text = read(file);
    if (!text.contains("FROM eclipse-temurin:17-jre")
        || !text.contains("target/quarkus-app/lib/")) {
      problems.add(
          name
              + ": "
              + ROOT.relativize(file)
              + " is not the fast-jar image on eclipse-temurin:17-jre");
    }
  }

  private void compareInfrastructure(List<String> problems) {
    String pom = read(ROOT.resolve("pom.xml"));
    expectImage("kafka", "apache/kafka:" + pomProperty(pom, "kafka.broker.version"), problems);
    expectImage(
        "registry",
        "apicurio/apicurio-registry:" + pomProperty(pom, "apicurio.registry.app.version"),
        problems);

    new TreeSet<>(KAFKA_NODES.keySet())
        .forEach(node -> compareKafkaNode(node, KAFKA_NODES.get(node), problems));
    for (String node : List.of("kafka-2", "kafka-3")) {
      if (!service(node).path("profiles").toString().contains("\"cluster\"")) {
        problems.add(node + ": not in the cluster profile");
      }
    }

    Map<String, String> init = composeEnvironment("topic-init");
    for (String setting :
        List.of(
            "HIVEMIND_PARTITIONS",
            "HIVEMIND_TOPIC_PREFIX",
            "HIVEMIND_REPLICATION_FACTOR",
            "HIVEMIND_MIN_INSYNC_REPLICAS")) {
      String expected = local.resolve("${" + setting + "}");
      String actual = resolveCompose(init.getOrDefault(setting, ""));
      if (!expected.equals(actual)) {
        problems.add(
            "topic-init: "
                + setting
                + " is "
                + actual
                + " in compose, "
                + expected
                + " in ./hivemind");
      }
    }
  }

  private void compareKafkaNode(String node, String portSetting, List<String> problems) {
    String port = local.resolve("${" + portSetting + "}");
    if (!publishedPorts(node).contains(port + ":" + port)) {
      problems.add(node + ": compose does not publish port " + port + " as " + port + ":" + port);
    }
    Map<String, String> env = composeEnvironment(node);
    String roles = env.getOrDefault("KAFKA_PROCESS_ROLES", "");
    if (!roles.contains("broker") || !roles.contains("controller")) {
      problems.add(node + ": not a KRaft node that is broker and controller (" + roles + ")");
    }
    for (String key :
        List.of(
            "KAFKA_DEFAULT_REPLICATION_FACTOR",
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")) {
      if (!composeVariables(env.getOrDefault(key, "")).contains("HIVEMIND_REPLICATION_FACTOR")) {
        problems.add(node + ": " + key + " does not use ${HIVEMIND_REPLICATION_FACTOR}");
      }
    }
    for (String key : List.of("KAFKA_MIN_INSYNC_REPLICAS", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
      if (!composeVariables(env.getOrDefault(key, "")).contains("HIVEMIND_MIN_INSYNC_REPLICAS")) {
        problems.add(node + ": " + key + " does not use ${HIVEMIND_MIN_INSYNC_REPLICAS}");
      }
    }
  }

  private void expectImage(String name, String image, List<String> problems) {
    String actual = service(name).path("image").asText("");
    if (!actual.equals(image)) {
      problems.add(
          name
              + ": image "
              + actual
              + ", the build pins "
              + image.substring(image.indexOf(':') + 1));
    }
  }

  // --- reading compose ---------------------------------------------------------------------

  private ObjectNode service(String name) {
    return (ObjectNode) compose.path("services").path(name);
  }

  private ObjectNode environment(String name) {
    return (ObjectNode) service(name).get("environment");
  }

  /** A service's environment; compose allows a map or a list of KEY=VALUE. */
  private Map<String, String> composeEnvironment(String name) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode node = service(name).path("environment");
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> env.put(field.getKey(), field.getValue().asText()));
    } else {
      for (JsonNode item : node) {
        String[] keyValue = item.asText().split("=", 2);
        env.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
      }
    }
    return env;
  }

  /** Published ports as HOST:CONTAINER with the defaults of their variables. */
  private Set<String> publishedPorts(String name) {
    Set<String> ports = new LinkedHashSet<>();
    for (JsonNode port : service(name).path("ports")) {
      ports.add(
          port.isObject()
              ? resolveCompose(port.path("published").asText())
                  + ":"
                  + resolveCompose(port.path("target").asText())
              : resolveCompose(port.asText()));
    }
    return ports;
  }

  /** Compose interpolation as on a host that sets none of the variables: {@code ${X:-d}} is d. */
  private static String resolveCompose(String value) {
    String escaped = value.replace("$$", "\u0000");
    Matcher matcher = COMPOSE_REF.matcher(escaped);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String fallback =
          matcher.group(2) == null ? "<unset " + matcher.group(1) + ">" : matcher.group(2);
      matcher.appendReplacement(out, Matcher.quoteReplacement(fallback));
    }
    matcher.appendTail(out);
    return out.toString().replace("\u0000", "$");
  }

  private static Set<String> composeVariables(String value) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = COMPOSE_REF.matcher(value.replace("$$", ""));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static String pomProperty(String pom, String property) {
    Matcher matcher = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
    assertThat(matcher.find()).as("pom.xml declares %s", property).isTrue();
    return matcher.group(1).trim();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isRegularFile(dir.resolve("local-stack/services.conf"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no docker-compose.yml with local-stack/services.conf above "
            + Path.of("").toAbsolutePath());
  }

  /** local-stack/services.conf: [launcher] settings with defaults, then one section per process. */
  record LocalStack(Map<String, String> settings, Map<String, Map<String, String>> sections) {

    static LocalStack parse(Path file) throws IOException {
      Map<String, Map<String, String>> sections = new LinkedHashMap<>();
      Map<String, String> current = null;
      for (String raw : Files.readAllLines(file)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          current =
              sections.computeIfAbsent(
                  line.substring(1, line.length() - 1), k -> new LinkedHashMap<>());
        } else {
          int eq = line.indexOf('=');
          if (current == null || eq < 1) {
            throw new IllegalStateException(file + ": not KEY=VALUE in a [section]: " + raw);
          }
          current.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      Map<String, String> settings = sections.remove("launcher");
      if (settings == null) {
        throw new IllegalStateException(file + ": no [launcher] section");
      }
      return new LocalStack(settings, sections);
    }

    Set<String> processes() {
      return sections.keySet();
    }

    Map<String, String> environment(String process) {
      return sections.getOrDefault(process, Map.of());
    }

    /** A value the launcher derives per instance (its host, Kafka's address, a state dir). */
    boolean isPlacement(String value) {
      Matcher matcher = LOCAL_REF.matcher(value);
      while (matcher.find()) {
        if (!settings.containsKey(matcher.group(1))) {
          return true;
        }
      }
      return false;
    }

    List<String> settingsIn(String value) {
      List<String> names = new ArrayList<>();
      Matcher matcher = LOCAL_REF.matcher(value);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
      return names;
    }

    /** The value with the launcher's defaults, as on a host that overrides nothing. */
    String resolve(String value) {
      Matcher matcher = LOCAL_REF.matcher(value);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        String setting = settings.get(matcher.group(1));
        matcher.appendReplacement(
            out, Matcher.quoteReplacement(setting == null ? matcher.group() : setting));
      }
      matcher.appendTail(out);
      return out.toString();
    }
  }
}
