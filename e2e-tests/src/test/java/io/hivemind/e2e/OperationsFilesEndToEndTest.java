package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's files in {@code ops/}: every metric the Prometheus alert rules and the Grafana
 * dashboard name is one the services really export, read from their {@code /q/metrics} on the
 * running stack; every rule and panel has an expression and a job the scrape configuration has.
 */
@ExtendWith(LocalStack.Shared.class)
class OperationsFilesEndToEndTest {

  private static final Path OPS = Path.of("..", "ops").toAbsolutePath().normalize();
  private static final Set<String> PROMQL =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "bool",
          "offset");

  /** Prometheus's own series, not the services'. */
  private static final Set<String> BUILT_IN = Set.of("up");

  private static LocalStack stack;
  private final Http http = new Http();

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  @Test
  void everyMetricTheAlertsAndTheDashboardNameIsExported() throws Exception {
    Set<String> exported = exported();
    List<String> expressions = new ArrayList<>(alertExpressions());
    int alerts = expressions.size();
    expressions.addAll(dashboardExpressions());

    assertThat(alerts).as("alert rules").isGreaterThanOrEqualTo(8);
    assertThat(expressions.size() - alerts).as("dashboard panels' queries").isGreaterThan(8);
    Set<String> named = new TreeSet<>();
    for (String expression : expressions) {
      Set<String> metrics = metricsIn(expression);
      assertThat(metrics).as("a metric in: " + expression).isNotEmpty();
      named.addAll(metrics);
    }
    named.removeAll(BUILT_IN);
    Set<String> missing = new TreeSet<>(named);
    missing.removeAll(exported);
    assertThat(missing).as("named in ops/ but exported by no service").isEmpty();
    assertThat(named)
        .contains(
            "hivemind_learning_paused_seconds",
            "hivemind_dead_letters_end_offset",
            "hivemind_notifier_dead_lettered_total",
            "kafka_consumer_fetch_manager_records_lag_max",
            "http_server_requests_seconds_count");
  }

  @Test
  void theRulesAndPanelsUseOnlyTheJobsThePrometheusConfigScrapes() throws Exception {
    String config = Files.readString(OPS.resolve("prometheus/prometheus.yml"));
    Set<String> jobs = new TreeSet<>();
    Matcher job = Pattern.compile("job_name: (\\S+)").matcher(config);
    while (job.find()) {
      jobs.add(job.group(1));
    }
    assertThat(jobs)
        .containsExactlyInAnyOrder(
            "hivemind-gateway",
            "hivemind-query",
            "hivemind-learner",
            "hivemind-analytics",
            "hivemind-notifier");
    List<String> expressions = new ArrayList<>(alertExpressions());
    expressions.addAll(dashboardExpressions());
    for (String expression : expressions) {
      Matcher named = Pattern.compile("job=\"([^\"]+)\"").matcher(expression);
      while (named.find()) {
        assertThat(jobs).as(expression).contains(named.group(1));
      }
    }
  }

  /** The metric names in a PromQL expression: its identifiers, less functions and keywords. */
  static Set<String> metricsIn(String expression) {
    String bare =
        expression
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
            .replaceAll("\\[[^]]*]", " ");
    Set<String> metrics = new TreeSet<>();
    Matcher token = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
    while (token.find()) {
      String name = token.group().replaceAll("[\\s(]", "");
      if (token.group(1) == null && !PROMQL.contains(name)) {
        metrics.add(name);
      }
    }
    return metrics;
  }

  private List<String> alertExpressions() throws Exception {
    List<String> expressions = new ArrayList<>();
    for (String line : Files.readAllLines(OPS.resolve("prometheus/alerts.yml"))) {
      String trimmed = line.strip();
      if (trimmed.startsWith("expr:")) {
        expressions.add(trimmed.substring("expr:".length()).strip());
      }
    }
    return expressions;
  }

  private List<String> dashboardExpressions() throws Exception {
    List<String> expressions = new ArrayList<>();
    try (var dashboards = Files.list(OPS.resolve("grafana"))) {
      for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
        JsonNode root = Http.JSON.readTree(dashboard.toFile());
        for (JsonNode panel : root.path("panels")) {
          assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
          panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
        }
      }
    }
    return expressions;
  }

  /**
   * Every metric name the five services export now, after a request to each (the HTTP server's
   * request series exist once a request was served).
   */
  private Set<String> exported() throws Exception {
    String admin = stack.adminKey();
    Map<String, String> asked =
        Map.of(
            stack.gateway(), "/api/control/state",
            stack.query(), "/api/ml/stats?symbol=ES&user_id=ops-probe",
            stack.learner(), "/api/learning",
            stack.analytics(), "/api/analytics/me",
            stack.notifier(), "/api/webhooks");
    Set<String> names = new TreeSet<>();
    for (var service : asked.entrySet()) {
      http.get(service.getKey() + service.getValue(), Http.bearer(admin));
      String metrics =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(service.getKey() + "/q/metrics"))
                      .timeout(java.time.Duration.ofSeconds(10))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : metrics.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.split("[{ ]", 2)[0]);
        }
      }
    }
    return names;
  }
}
