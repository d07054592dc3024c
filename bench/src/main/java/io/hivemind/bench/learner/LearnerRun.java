package io.hivemind.bench.learner;

import io.hivemind.bench.backlog.BenchFiles;
import io.hivemind.bench.backlog.BenchTopics;
import io.hivemind.bench.backlog.CpuMeter;
import io.hivemind.bench.backlog.Progress;
import io.hivemind.learner.topology.LearnerTopology;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * One learner run: the live topology in this JVM, fresh application id and state, over the backlog,
 * from {@code start()} until the committed offsets of both input topics reach their end.
 */
final class LearnerRun {

  /** What one run measured. */
  record Result(
      String label,
      String applicationId,
      long inputRecords,
      double secondsToCaughtUp,
      double secondsToRunning,
      double secondsToFirstOutput,
      double cpuSeconds,
      double streamThreadSeconds,
      String cpu,
      OutputCheck.Counts outputs) {

    double eventsPerSecond() {
      return inputRecords / secondsToCaughtUp;
    }

    /**
     * Events per CPU-second of this JVM: the rate one core would give, whatever else runs on the
     * machine (the learner's single stream thread can use one core at most).
     */
    double eventsPerCpuSecond() {
      return inputRecords / cpuSeconds;
    }

    /** Events per CPU-second of the stream thread(s) alone: no JIT, GC or other threads. */
    double eventsPerStreamThreadSecond() {
      return inputRecords / streamThreadSeconds;
    }

    /** The rate once the first output appeared: processing alone, without startup. */
    double steadyEventsPerSecond() {
      return inputRecords / Math.max(0.001, secondsToCaughtUp - secondsToFirstOutput);
    }
  }

  private final String bootstrap;
  private final String registryApi;
  private final Topics topics;
  private final Path hivemindHome;
  private final BenchTopics admin;

  LearnerRun(
      String bootstrap, String registryApi, Topics topics, Path hivemindHome, BenchTopics admin) {
    this.bootstrap = bootstrap;
    this.registryApi = registryApi;
    this.topics = topics;
    this.hivemindHome = hivemindHome;
    this.admin = admin;
  }

  /**
   * Runs the learner with {@code props} (application id and state dir included) until caught up or
   * {@code timeout}; closes it, and removes its state, group and internal topics.
   */
  Result run(String label, Properties props, Duration timeout) throws Exception {
    String applicationId = props.getProperty("application.id");
    Path stateDir = Path.of(props.getProperty("state.dir"));
    List<String> inputTopics = List.of(topics.signals, topics.outcomes);
    List<String> outputTopics =
        List.of(topics.experiences, topics.userStats, topics.communityStats);
    Map<TopicPartition, Long> inputEnds = admin.endOffsets(inputTopics);
    long inputRecords = inputEnds.values().stream().mapToLong(Long::longValue).sum();
    Map<TopicPartition, Long> outputStarts = admin.endOffsets(outputTopics);

    // learner-streams' hivemind.learner.join-horizon, half-life and caps
    LearnerSettings settings =
        new LearnerSettings(Duration.ofHours(24), Duration.ofHours(720), PatternScheme.v1());
    Topology topology =
        new LearnerTopology(AvroSerdes.registry(registryApi), topics, settings).build();
    KafkaStreams streams = new KafkaStreams(topology, props);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong runningAt = new AtomicLong();
    streams.setUncaughtExceptionHandler(
        error -> {
          failure.compareAndSet(null, error);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            runningAt.compareAndSet(0, System.nanoTime());
          }
        });
    FirstOutput firstOutput = new FirstOutput(outputStarts);
    Thread watcher = new Thread(firstOutput, "first-output-" + label);
    watcher.setDaemon(true);

    System.out.printf(
        "%n[%s] application.id %s, %,d input records, settings: %s%n",
        label, applicationId, inputRecords, describe(props));
    Progress progress = new Progress(label, inputRecords, 2_000);
    CpuMeter cpu = CpuMeter.start(hivemindHome);
    long started = System.nanoTime();
    watcher.start();
    streams.start();
    double caughtUp;
    String usage;
    double cpuSeconds;
    double threadSeconds;
    long written;
    try {
      long deadline = started + timeout.toNanos();
      while (true) {
        if (failure.get() != null) {
          throw new IllegalStateException("the learner failed", failure.get());
        }
        if (streams.state() == KafkaStreams.State.ERROR
            || streams.state() == KafkaStreams.State.NOT_RUNNING) {
          throw new IllegalStateException("the learner stopped: " + streams.state());
        }
        long committed = committed(applicationId, inputEnds);
        long internalLag = committed >= inputRecords ? internalLag(applicationId) : -1;
        if (internalLag == 0) {
          caughtUp = (System.nanoTime() - started) / 1e9;
          progress.finish(
              committed, "caught up: lag 0 on both input topics and the repartition topic");
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              String.format(
                  "not caught up within %s: %,d of %,d input records committed (raise --timeout)",
                  timeout, committed, inputRecords));
        }
        progress.update(
            committed,
            String.format(
                "input lag %,d%s  %s",
                inputRecords - committed,
                internalLag > 0 ? String.format(", repartition lag %,d", internalLag) : "",
                streams.state()));
        Thread.sleep(100);
      }
    } finally {
      firstOutput.stop();
      usage = cpu.summary();
      cpuSeconds = cpu.ownCpuSeconds();
      threadSeconds = streamThreadCpuSeconds(applicationId);
      System.out.println("  " + usage);
      streams.close(Duration.ofSeconds(60));
      written = recordsWritten(applicationId, outputStarts, outputTopics);
      streams.cleanUp();
      BenchFiles.deleteRecursively(stateDir);
      admin.deleteAll(null, List.of(applicationId));
    }
    watcher.join(5_000);
    double first =
        firstOutput.firstAt.get() == 0 ? Double.NaN : (firstOutput.firstAt.get() - started) / 1e9;
    double running = runningAt.get() == 0 ? Double.NaN : (runningAt.get() - started) / 1e9;
    System.out.printf(
        "  caught up in %.1f s: %,.0f events/s (RUNNING after %.1f s, first output after %.2f s;"
            + " %,.0f events/s from then)%n",
        caughtUp,
        inputRecords / caughtUp,
        running,
        first,
        inputRecords / Math.max(0.001, caughtUp - first));
    OutputCheck.Counts outputs =
        new OutputCheck(bootstrap, registryApi, topics, settings.communityCapPerDay())
            .count(outputStarts, admin.endOffsets(outputTopics));
    System.out.println("  output: " + outputs);
    System.out.printf(
        "  written: %,d records into output, changelog and repartition topics (offsets, transaction"
            + " markers included) = %.1f per input event%n",
        written, (double) written / inputRecords);
    System.out.printf(
        "  %,.0f events per CPU-second of the bench JVM (%.1f CPU-s, JIT and GC included); %,.0f"
            + " per CPU-second of the stream thread(s) (%.1f CPU-s)%n",
        inputRecords / cpuSeconds, cpuSeconds, inputRecords / threadSeconds, threadSeconds);
    return new Result(
        label,
        applicationId,
        inputRecords,
        caughtUp,
        running,
        first,
        cpuSeconds,
        threadSeconds,
        usage,
        outputs);
  }

  private long committed(String applicationId, Map<TopicPartition, Long> inputEnds)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .admin()
            .listConsumerGroupOffsets(applicationId)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    long sum = 0;
    for (TopicPartition partition : inputEnds.keySet()) {
      OffsetAndMetadata offset = offsets.get(partition);
      if (offset != null) {
        sum += offset.offset();
      }
    }
    return sum;
  }

  /** CPU seconds used so far by the application's stream threads. */
  private static double streamThreadCpuSeconds(String applicationId) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null
          && info.getThreadName().startsWith(applicationId)
          && info.getThreadName().contains("-StreamThread-")) {
        nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return nanos / 1e9;
  }

  /** Offsets the run added to the output topics and its own internal topics. */
  private long recordsWritten(
      String applicationId, Map<TopicPartition, Long> outputStarts, List<String> outputTopics) {
    try {
      List<String> internal =
          admin.admin().listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(name -> name.startsWith(applicationId + "-"))
              .toList();
      long sum = 0;
      for (Map.Entry<TopicPartition, Long> end : admin.endOffsets(internal).entrySet()) {
        sum += end.getValue();
      }
      for (Map.Entry<TopicPartition, Long> end : admin.endOffsets(outputTopics).entrySet()) {
        sum += end.getValue() - outputStarts.getOrDefault(end.getKey(), 0L);
      }
      return sum;
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Records of the application's repartition topic(s) not yet committed by the group: the community
   * sub-topology still has work when the input topics are done.
   */
  private long internalLag(String applicationId) throws Exception {
    List<String> internal =
        admin.admin().listTopics().names().get(30, TimeUnit.SECONDS).stream()
            .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
            .toList();
    if (internal.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, Long> ends = admin.endOffsets(internal);
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .admin()
            .listConsumerGroupOffsets(applicationId)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata offset = offsets.get(end.getKey());
      lag += end.getValue() - (offset == null ? 0 : offset.offset());
    }
    return lag;
  }

  private static String describe(Properties props) {
    List<String> shown = new ArrayList<>();
    props.stringPropertyNames().stream()
        .sorted()
        .filter(
            key ->
                !key.equals("application.id")
                    && !key.equals("bootstrap.servers")
                    && !key.equals("state.dir"))
        .forEach(key -> shown.add(key + "=" + props.getProperty(key)));
    return String.join(", ", shown);
  }

  /** Notes when the first committed output record becomes visible, then stops reading. */
  private final class FirstOutput implements Runnable {

    private final Map<TopicPartition, Long> starts;
    private final AtomicLong firstAt = new AtomicLong();
    private volatile boolean stopped;

    FirstOutput(Map<TopicPartition, Long> starts) {
      this.starts = starts;
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
      props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> experiences =
            starts.keySet().stream().filter(p -> p.topic().equals(topics.experiences)).toList();
        consumer.assign(experiences);
        experiences.forEach(p -> consumer.seek(p, starts.get(p)));
        while (!stopped) {
          if (!consumer.poll(Duration.ofMillis(20)).isEmpty()) {
            firstAt.compareAndSet(0, System.nanoTime());
            return;
          }
        }
      }
    }
  }
}
