package io.hivemind.bench.learner;

import io.hivemind.bench.Stack;
import io.hivemind.bench.backlog.BacklogGenerator;
import io.hivemind.bench.backlog.BacklogSpec;
import io.hivemind.bench.backlog.BenchFiles;
import io.hivemind.bench.backlog.BenchTopics;
import io.hivemind.bench.backlog.PreparedBacklog;
import io.hivemind.bench.backlog.ResultTable;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@code ./hivemind bench learner}: the live learning topology, in this JVM, replaying a backlog
 * written into fresh topics; events/s from start until both input topics are fully committed, under
 * exactly_once_v2 and at_least_once, beside a plain consumer reading and deserializing the same
 * backlog.
 *
 * <p>Options: the backlog's ({@code --events 1000000 --users 2000 --days 20 --seed 42 --record-time
 * now|event}); {@code --partitions} (the stack's); {@code --guarantees
 * exactly_once_v2,at_least_once}; {@code --threads 1}; {@code --commit-interval 50} (ms, the live
 * value); {@code --cache-bytes} (Kafka Streams' default); {@code --streams k=v,k=v} (any other
 * Kafka Streams setting); {@code --baseline true}; {@code --timeout 15m}; {@code --prefix P} reuses
 * a backlog an earlier run kept ({@code --keep true}) instead of writing one.
 */
public final class LearnerBenchmark {

  static final double TARGET_EVENTS_PER_SECOND = 50_000;

  /**
   * Everything the options decide, checked before anything touches the stack: a guarantee Kafka
   * Streams does not have, a blank prefix or an override it refuses fails here.
   *
   * @param guarantees exactly_once_v2 and/or at_least_once, a run each, in this order
   * @param overrides Kafka Streams settings over the live ones ({@link StreamsSettings#overrides})
   * @param reusePrefix the topics of an earlier run's backlog ({@code --prefix}), or null to write
   *     one
   * @param keep leave the backlog's topics for a later {@code --prefix}
   */
  public record Plan(
      BacklogSpec backlog,
      int partitions,
      List<String> guarantees,
      Map<String, String> overrides,
      boolean baseline,
      Duration timeout,
      String reusePrefix,
      boolean keep) {

    public Plan {
      guarantees = List.copyOf(guarantees);
      if (guarantees.isEmpty()) {
        throw new IllegalArgumentException(
            "--guarantees takes exactly_once_v2 and/or at_least_once");
      }
      for (String guarantee : guarantees) {
        if (!guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)
            && !guarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
          throw new IllegalArgumentException(
              "--guarantees takes exactly_once_v2 and/or at_least_once, got: " + guarantee);
        }
      }
      if (reusePrefix != null && reusePrefix.isBlank()) {
        throw new IllegalArgumentException("--prefix must name the topics of an earlier run");
      }
      overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
      // fail on a setting Kafka Streams refuses before writing a million records (the address is
      // not contacted: only the configuration is checked)
      StreamsSettings.validate(
          StreamsSettings.live(
              "check", "127.0.0.1:9092", Path.of("/tmp"), guarantees.get(0), overrides));
    }
  }

  /** Writes the backlog (unless reused), replays it under each guarantee, prints the table. */
  public void run(Stack stack, Plan plan) throws Exception {
    String prefix =
        plan.reusePrefix != null ? plan.reusePrefix : BenchTopics.runPrefix("bench-learner");
    Path stateRoot = Files.createTempDirectory("hivemind-bench-learner-");
    List<String> applicationIds = new CopyOnWriteArrayList<>();
    AtomicBoolean cleaned = new AtomicBoolean();
    try (BenchTopics admin = new BenchTopics(stack.bootstrap())) {
      Runnable cleanup =
          () -> {
            if (cleaned.compareAndSet(false, true)) {
              admin.deleteAll(plan.keep ? null : prefix, applicationIds);
              BenchFiles.deleteRecursively(stateRoot);
              if (plan.keep) {
                System.out.println("  kept the backlog: rerun with --prefix " + prefix);
              }
            }
          };
      Thread hook = new Thread(cleanup, "bench-cleanup");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        run(stack, plan, prefix, stateRoot, admin, applicationIds);
      } finally {
        cleanup.run();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // already shutting down
        }
      }
    }
  }

  private void run(
      Stack stack,
      Plan plan,
      String prefix,
      Path stateRoot,
      BenchTopics admin,
      List<String> applicationIds)
      throws Exception {
    Topics topics = new Topics(prefix);
    System.out.printf(
        "learner benchmark: broker %s, registry %s, topics %s* (%d partitions)%n",
        stack.bootstrap(), stack.registryApi(), prefix, plan.partitions);
    PreparedBacklog backlog =
        PreparedBacklog.prepare(
            stack, admin, prefix, plan.backlog, plan.partitions, plan.reusePrefix != null);
    BacklogGenerator.Counts expected = backlog.expected();
    Map<TopicPartition, Long> inputEnds = backlog.ends();
    long inputRecords = backlog.records();

    double baseline = Double.NaN;
    double baselineCpu = Double.NaN;
    if (plan.baseline) {
      System.out.println();
      System.out.println("[baseline] plain consumer: read and Avro-deserialize both input topics");
      double[] measured =
          ConsumerBaseline.run(
              stack.bootstrap(),
              AvroSerdes.registry(stack.registryApi()),
              topics,
              inputEnds,
              stack.home());
      baseline = measured[0];
      baselineCpu = measured[1];
      System.out.printf(
          "  baseline: %,.0f events/s, %,.0f events per CPU-second%n", baseline, baselineCpu);
    }

    LearnerRun runner =
        new LearnerRun(stack.bootstrap(), stack.registryApi(), topics, stack.home(), admin);
    List<LearnerRun.Result> results = new ArrayList<>();
    String stamp = prefix.replaceFirst("^bench-learner-", "").replaceAll("[^A-Za-z0-9-]", "");
    int index = 0;
    for (String guarantee : plan.guarantees) {
      String label = guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) ? "eos-v2" : "alos";
      String applicationId =
          "bench-learner-"
              + stamp
              + "-"
              + label
              + "-"
              + System.currentTimeMillis() % 100_000
              + "-"
              + index++;
      applicationIds.add(applicationId);
      Properties props =
          StreamsSettings.live(
              applicationId,
              stack.bootstrap(),
              stateRoot.resolve(applicationId),
              guarantee,
              plan.overrides);
      results.add(runner.run(label, props, plan.timeout));
    }

    ResultTable table = new ResultTable();
    String base =
        Double.isNaN(baseline) ? "-" : String.format("%,.0f events/s (consumer)", baseline);
    for (LearnerRun.Result result : results) {
      boolean eos = result.label().equals("eos-v2");
      table.add(
          "learner " + result.label() + ", start to caught up",
          String.format("%,.0f events/s", result.eventsPerSecond()),
          base,
          eos ? String.format("≥ %,.0f events/s", TARGET_EVENTS_PER_SECOND) : "-",
          eos ? result.eventsPerSecond() >= TARGET_EVENTS_PER_SECOND : null);
      table.add(
          "  " + result.label() + " after first output",
          String.format("%,.0f events/s", result.steadyEventsPerSecond()),
          base,
          "-",
          null);
      table.add(
          "  " + result.label() + " per CPU-second of the JVM",
          String.format(
              "%,.0f events/CPU-s (stream thread alone %,.0f)",
              result.eventsPerCpuSecond(), result.eventsPerStreamThreadSecond()),
          Double.isNaN(baselineCpu)
              ? "-"
              : String.format("%,.0f events/CPU-s (consumer)", baselineCpu),
          "-",
          null);
      table.add(
          "  " + result.label() + " time to first output",
          String.format(
              "%.2f s (RUNNING %.2f s)", result.secondsToFirstOutput(), result.secondsToRunning()),
          "-",
          "-",
          null);
      table.add(
          "  " + result.label() + " learned once each",
          String.format(
              "%,d exp / %,d user-stats / %,d community",
              result.outputs().experiences(),
              result.outputs().userStatsRecords(),
              result.outputs().communityStatsRecords()),
          String.format(
              "%,d trades (%,d community: the daily share)",
              expected.trades, result.outputs().communityLevel0Admitted()),
          "every trade once",
          result.outputs().exactlyOnce(expected.trades));
    }
    table.note(String.format("input: %,d records (%s)", inputRecords, expected));
    table.note(
        "settings: live learner config (commit.interval.ms=50, 1 stream thread, default cache)"
            + (plan.overrides.isEmpty() ? "" : " with " + plan.overrides)
            + "; serde: the project's AvroSerdes.registry");
    for (LearnerRun.Result result : results) {
      table.note(result.label() + " " + result.cpu());
    }
    table.print();
  }
}
