package io.hivemind.bench.restore;

import io.hivemind.bench.Stack;
import io.hivemind.bench.backlog.BenchTopics;
import io.hivemind.bench.backlog.CpuMeter;
import io.hivemind.bench.backlog.Progress;
import io.hivemind.bench.backlog.ResultTable;
import io.hivemind.bench.keys.BenchKeys;
import io.hivemind.schema.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code ./hivemind bench restore}: a confidence-query instance started with empty local state over
 * {@code --rows} user-stats rows (and the community's), timed from its start until it is ready and
 * until it answers a user of the last partition with that user's full record. Beside it: the same
 * service over empty topics (the startup floor) and a plain consumer reading the user-stats topic
 * end to end. Each instance asks with the probe user's API key, minted in the run's own key topic
 * before the instance starts.
 *
 * <p>Options: {@code --rows 1000000}, {@code --rows-per-user 250}, {@code --community-rows 15000},
 * {@code --partitions} (the stack's), {@code --port} (the stack's query port + 100), {@code
 * --timeout 10m}, {@code --baseline true}.
 */
public final class RestoreBenchmark {

  static final String NAME = "restore";
  static final long TARGET_ROWS = 10_000_000;
  static final double TARGET_SECONDS = 60;

  /**
   * What to measure: the user-stats rows to restore, spread {@code rowsPerUser} a user, and the
   * community's rows; the topics' partitions; the port of the instances it starts; how long one may
   * take to be ready; whether to run the baselines.
   */
  public record Plan(
      long rows,
      int rowsPerUser,
      int communityRows,
      int partitions,
      int port,
      Duration timeout,
      boolean baseline) {}

  /** The instances' port unless told: the stack's query port + 100. */
  public static int defaultPort(Stack stack) {
    return URI.create(stack.query()).getPort() + 100;
  }

  /** Fills fresh topics, starts the instances one after another, prints the table. */
  public void run(Stack stack, Plan plan) throws Exception {
    String prefix = BenchTopics.runPrefix("bench-restore");
    String emptyPrefix = prefix.substring(0, prefix.length() - 1) + "-empty.";
    String stamp = prefix.substring("bench-restore-".length(), prefix.length() - 1);
    List<String> applicationIds = new CopyOnWriteArrayList<>();
    List<QueryInstance> instances = new CopyOnWriteArrayList<>();
    AtomicBoolean cleaned = new AtomicBoolean();
    try (BenchTopics admin = new BenchTopics(stack.bootstrap())) {
      Runnable cleanup =
          () -> {
            if (cleaned.compareAndSet(false, true)) {
              instances.forEach(QueryInstance::close);
              admin.deleteAll(prefix, applicationIds);
              admin.deleteAll(emptyPrefix, List.of());
            }
          };
      Thread hook = new Thread(cleanup, "bench-cleanup");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        run(stack, plan, prefix, emptyPrefix, stamp, admin, applicationIds, instances);
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
      String emptyPrefix,
      String stamp,
      BenchTopics admin,
      List<String> applicationIds,
      List<QueryInstance> instances)
      throws Exception {
    System.out.printf(
        "restore benchmark: broker %s, topics %s* and %s* (%d partitions), query instance on port"
            + " %d, load average %s%n",
        stack.bootstrap(), prefix, emptyPrefix, plan.partitions, plan.port, CpuMeter.loadAverage());
    Topics topics = admin.create(prefix, plan.partitions);
    admin.create(emptyPrefix, plan.partitions);
    System.out.printf(
        "writing %,d user-stats rows (%d per user) and %,d community rows%n",
        plan.rows, plan.rowsPerUser, plan.communityRows);
    StatsRowsWriter.Written written =
        StatsRowsWriter.write(
            topics,
            plan.partitions,
            plan.rows,
            plan.rowsPerUser,
            plan.communityRows,
            stack.bootstrap(),
            stack.registryApi());
    System.out.printf(
        "  %,d user rows for %,d users, %,d community rows; probe user %s (partition %d) expects"
            + " %d trades on %s%n",
        written.userRows(),
        written.users(),
        written.communityRows(),
        written.probeUser(),
        plan.partitions - 1,
        written.probeTrades(),
        written.probeSymbol());
    // each instance reads the key topic of its own prefix at startup: the probe user's key in each
    String authorization = probeKey(stack, prefix, written.probeUser());
    String emptyAuthorization =
        plan.baseline ? probeKey(stack, emptyPrefix, written.probeUser()) : null;

    double consumerRowsPerSecond = Double.NaN;
    double consumerSeconds = Double.NaN;
    if (plan.baseline) {
      System.out.println();
      System.out.println("[baseline b] plain consumer reading " + topics.userStats + " end to end");
      double[] measured = readAll(stack, topics.userStats, admin);
      consumerSeconds = measured[0];
      consumerRowsPerSecond = measured[1];
    }

    QueryInstance.Timing floor = null;
    if (plan.baseline) {
      System.out.println();
      System.out.println("[baseline a] confidence-query over the same layout, empty topics");
      String id = "bench-restore-" + stamp + "-empty";
      applicationIds.add(id);
      QueryInstance empty =
          new QueryInstance(
              stack,
              "bench-restore-empty-" + stamp,
              plan.port,
              emptyPrefix,
              id,
              emptyAuthorization);
      instances.add(empty);
      try {
        floor = empty.startAndMeasure(written.probeUser(), written.probeSymbol(), -1, plan.timeout);
      } finally {
        empty.close();
        instances.remove(empty);
      }
    }

    System.out.println();
    System.out.printf(
        "[restore] confidence-query from empty local state over %,d rows%n", written.userRows());
    String id = "bench-restore-" + stamp + "-full";
    applicationIds.add(id);
    QueryInstance full =
        new QueryInstance(stack, "bench-restore-" + stamp, plan.port, prefix, id, authorization);
    instances.add(full);
    QueryInstance.Timing timing;
    CpuMeter cpu = CpuMeter.start(stack.home());
    List<String> internal;
    try {
      timing =
          full.startAndMeasure(
              written.probeUser(), written.probeSymbol(), written.probeTrades(), plan.timeout);
      System.out.println("  " + cpu.summary());
      // stop it only once it committed the whole topic, so the next start restores all of it
      waitForCommitted(admin, id, topics.userStats, plan.timeout);
      internal = internalTopics(admin, id);
      System.out.println(
          "  internal topics the instance created: " + (internal.isEmpty() ? "none" : internal));
    } finally {
      full.close();
      instances.remove(full);
    }

    System.out.printf(
        "  the service used %.1f CPU-s until it answered the full record (%.2f cores on average)%n",
        timing.serviceCpuSeconds(), timing.serviceCpuSeconds() / timing.fullStats());

    // The same application id again, with empty local state: Kafka Streams restores the store
    // from its changelog, as a replaced instance would.
    System.out.println();
    System.out.println(
        "[restore] the same application id again, empty local state (a replaced instance):"
            + " waiting for the old member to leave the group first");
    waitForEmptyGroup(admin, id, Duration.ofSeconds(90));
    QueryInstance again =
        new QueryInstance(
            stack, "bench-restore-" + stamp + "-again", plan.port, prefix, id, authorization);
    instances.add(again);
    QueryInstance.Timing restored;
    try {
      restored =
          again.startAndMeasure(
              written.probeUser(), written.probeSymbol(), written.probeTrades(), plan.timeout);
      System.out.printf(
          "  the service used %.1f CPU-s until it answered the full record%n",
          restored.serviceCpuSeconds());
    } finally {
      again.close();
      instances.remove(again);
    }

    // without the startup floor (--baseline false) the restore cannot be told from the startup
    double floorReady = floor == null ? 0 : floor.ready();
    double coldRate = written.userRows() / Math.max(0.001, timing.fullStats() - floorReady);
    double restoreRate = written.userRows() / Math.max(0.001, restored.fullStats() - floorReady);
    double restore10M = floorReady + TARGET_ROWS / restoreRate;
    String consumer =
        Double.isNaN(consumerRowsPerSecond)
            ? "-"
            : String.format(
                "%,.0f rows/s (consumer, %.1f s)", consumerRowsPerSecond, consumerSeconds);
    ResultTable table = new ResultTable();
    String floorText = floor == null ? "-" : String.format("%.2f s (empty topics)", floor.ready());
    table.add(
        "new app id: ready (/q/health/ready UP)",
        String.format("%.2f s", timing.ready()),
        floorText,
        "-",
        null);
    table.add(
        "new app id: first 200 of /api/ml/stats",
        String.format("%.2f s (total trades %s)", timing.firstStats(), timing.firstAnswer()),
        floor == null ? "-" : String.format("%.2f s", floor.firstStats()),
        "-",
        null);
    table.add(
        "new app id: full record (last partition)",
        String.format("%.2f s, %,.0f rows/s", timing.fullStats(), coldRate),
        consumer,
        "-",
        null);
    table.add(
        "same app id, empty state: ready",
        String.format("%.2f s", restored.ready()),
        floorText,
        "-",
        null);
    table.add(
        "same app id, empty state: first 200",
        String.format("%.2f s (total trades %s)", restored.firstStats(), restored.firstAnswer()),
        floor == null ? "-" : String.format("%.2f s", floor.firstStats()),
        "-",
        null);
    table.add(
        "same app id, empty state: full record",
        String.format("%.2f s, %,.0f rows/s", restored.fullStats(), restoreRate),
        consumer,
        "-",
        null);
    table.add(
        "restore of 10 M rows, extrapolated",
        String.format("%.0f s", restore10M),
        Double.isNaN(consumerRowsPerSecond)
            ? "-"
            : String.format("%.0f s (consumer)", TARGET_ROWS / consumerRowsPerSecond),
        String.format("≤ %.0f s", TARGET_SECONDS),
        restore10M <= TARGET_SECONDS);
    if (floor == null) {
      table.note("no startup floor measured (--baseline false): the rates include the startup");
    }
    table.note(
        String.format(
            "times from ./hivemind start; the JVM itself started %.2f s after it",
            timing.jvmStartDelay()));
    table.note(
        "rows: user-stats state written as the learner partitions it (UserPartitioner); "
            + String.format("%,d community rows in the global table", written.communityRows()));
    table.print();
  }

  /** Waits until {@code groupId} has committed every record of {@code topic}. */
  static void waitForCommitted(BenchTopics admin, String groupId, String topic, Duration timeout)
      throws Exception {
    Map<TopicPartition, Long> ends = admin.endOffsets(List.of(topic));
    long started = System.nanoTime();
    while (System.nanoTime() - started < timeout.toNanos()) {
      Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
          admin
              .admin()
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        var offset = committed.get(end.getKey());
        lag += end.getValue() - (offset == null ? 0 : offset.offset());
      }
      if (lag <= 0) {
        System.out.printf(
            "  %s committed all of %s after %.1f s more%n",
            groupId, topic, (System.nanoTime() - started) / 1e9);
        return;
      }
      Thread.sleep(500);
    }
    System.out.println("  " + groupId + " did not commit all of " + topic + " in time");
  }

  /** Waits until the group has no member (a stopped Kafka Streams member does not leave it). */
  private static void waitForEmptyGroup(BenchTopics admin, String groupId, Duration timeout)
      throws Exception {
    long started = System.nanoTime();
    while (System.nanoTime() - started < timeout.toNanos()) {
      var description =
          admin
              .admin()
              .describeConsumerGroups(List.of(groupId))
              .describedGroups()
              .get(groupId)
              .get(30, TimeUnit.SECONDS);
      if (description.members().isEmpty()) {
        System.out.printf(
            "  group %s empty after %.1f s%n", groupId, (System.nanoTime() - started) / 1e9);
        return;
      }
      Thread.sleep(500);
    }
    System.out.println("  group " + groupId + " still has members: starting anyway");
  }

  private static List<String> internalTopics(BenchTopics admin, String applicationId)
      throws Exception {
    List<String> internal = new ArrayList<>();
    for (String name : admin.admin().listTopics().names().get(30, TimeUnit.SECONDS)) {
      if (name.startsWith(applicationId + "-")) {
        internal.add(name);
      }
    }
    internal.sort(null);
    return internal;
  }

  /** {seconds, rows/s} of a plain consumer reading {@code topic} whole (bytes, no decoding). */
  /**
   * {@code Bearer <key>} of a key minted for {@code user} in the key topic under {@code prefix}.
   */
  private String probeKey(Stack stack, String prefix, String user) {
    return BenchKeys.mint(stack.kafka(prefix), NAME, List.of(user), System.out).authorization(user);
  }

  private static double[] readAll(Stack stack, String topic, BenchTopics admin) throws Exception {
    Map<TopicPartition, Long> ends = admin.endOffsets(List.of(topic));
    long total = ends.values().stream().mapToLong(Long::longValue).sum();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
    Progress progress = new Progress("consumer", total, 2_000);
    CpuMeter cpu = CpuMeter.start(stack.home());
    long started = System.nanoTime();
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(ends.keySet());
      consumer.seekToBeginning(ends.keySet());
      while (count < total) {
        count += consumer.poll(Duration.ofMillis(500)).count();
        progress.update(count, "");
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    progress.finish(count, "read");
    System.out.println("  " + cpu.summary());
    return new double[] {seconds, count / seconds};
  }
}
