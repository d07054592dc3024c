package io.hivemind.bench.replay;

import io.hivemind.bench.Stack;
import io.hivemind.bench.backlog.BacklogGenerator;
import io.hivemind.bench.backlog.BacklogSpec;
import io.hivemind.bench.backlog.BenchTopics;
import io.hivemind.bench.backlog.CpuMeter;
import io.hivemind.bench.backlog.PreparedBacklog;
import io.hivemind.bench.backlog.ResultTable;
import io.hivemind.bench.learner.ConsumerBaseline;
import io.hivemind.replay.CodeVersion;
import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayResult;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.SettingsValidator;
import io.hivemind.replay.walk.WalkCounts;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./hivemind bench replay}: the analyst's backtest ({@link Replay}, as {@code ./hivemind
 * replay} runs it) over a backlog written into fresh topics, beside a plain consumer reading and
 * deserializing the same backlog in the same run. Records/s, the time to plan, the heap it used and
 * the CPU of this JVM, with the live settings (one variant, one threshold) and, when asked, a
 * sweep.
 *
 * <p>Options: the backlog's ({@code --events 1000000 --users 2000 --days 20 --seed 42 --record-time
 * now|event}); {@code --partitions} (the stack's); {@code --thresholds 0.5,0.55,0.6,0.65} and/or
 * {@code --half-lives 30d,60d} add a second replay deciding at those thresholds with a variant per
 * half-life; {@code --baseline true}; {@code --prefix P} reuses a backlog an earlier run kept
 * ({@code --keep true}) instead of writing one.
 */
public final class ReplayBenchmark {

  /**
   * Everything the options decide, checked before anything touches the stack: a blank prefix or a
   * sweep the replay's own validation refuses fails here, naming the option.
   *
   * @param thresholds the sweep's thresholds ({@code --thresholds}), or null
   * @param halfLives the sweep's half-lives ({@code --half-lives}, as {@code 30d}), or null
   * @param reusePrefix the topics of an earlier run's backlog ({@code --prefix}), or null to write
   *     one
   * @param keep leave the backlog's topics for a later {@code --prefix}
   */
  public record Plan(
      BacklogSpec backlog,
      int partitions,
      List<Double> thresholds,
      List<String> halfLives,
      boolean baseline,
      String reusePrefix,
      boolean keep) {

    public Plan {
      thresholds = thresholds == null || thresholds.isEmpty() ? null : List.copyOf(thresholds);
      halfLives = halfLives == null || halfLives.isEmpty() ? null : List.copyOf(halfLives);
      if (reusePrefix != null && reusePrefix.isBlank()) {
        throw new IllegalArgumentException("--prefix must name the topics of an earlier run");
      }
      if (thresholds != null || halfLives != null) {
        // the replay's own validation, over any range: a bad sweep fails before the backlog
        settings(
            new ReplayRequest(
                Instant.EPOCH.toString(),
                Instant.EPOCH.plusSeconds(1).toString(),
                null,
                null,
                thresholds,
                halfLives,
                null,
                null));
      }
    }

    /** Whether a second replay runs with the sweep's thresholds and half-lives. */
    boolean sweeps() {
      return thresholds != null || halfLives != null;
    }

    /** The live settings over [from, to): every user, every symbol, one variant, one threshold. */
    static ReplayRequest live(Instant from, Instant to) {
      return new ReplayRequest(from.toString(), to.toString(), null, null, null, null, null, null);
    }

    ReplayRequest sweep(Instant from, Instant to) {
      return new ReplayRequest(
          from.toString(), to.toString(), null, null, thresholds, halfLives, null, null);
    }

    /** Validated settings; a violation names the bench option it came from. */
    static ReplaySettings settings(ReplayRequest request) {
      try {
        return SettingsValidator.validate(request);
      } catch (InvalidSettingsException e) {
        throw new IllegalArgumentException(
            e.violations().stream()
                .map(v -> "--" + v.field().replace('_', '-') + ": " + v.message())
                .collect(Collectors.joining("; ")));
      }
    }
  }

  /** One replay as measured: its settings, its times, its CPU and heap, what it walked. */
  record Measured(
      String label,
      ReplaySettings settings,
      long records,
      double planSeconds,
      double walkSeconds,
      double runSeconds,
      double cpuSeconds,
      long peakHeap,
      long retainedHeap,
      long maxHeap,
      String cpu,
      WalkCounts walk,
      long decisions) {

    double recordsPerSecond() {
      return records / runSeconds;
    }

    double recordsPerCpuSecond() {
      return records / cpuSeconds;
    }

    String shape() {
      return String.format(
          "%d variant%s × %d threshold%s",
          settings.variants().size(),
          settings.variants().size() == 1 ? "" : "s",
          settings.thresholds().size(),
          settings.thresholds().size() == 1 ? "" : "s");
    }
  }

  /** Writes the backlog (unless reused), replays it and reads it plainly, prints the table. */
  public void run(Stack stack, Plan plan) throws Exception {
    String prefix =
        plan.reusePrefix() != null ? plan.reusePrefix() : BenchTopics.runPrefix("bench-replay");
    AtomicBoolean cleaned = new AtomicBoolean();
    try (BenchTopics admin = new BenchTopics(stack.bootstrap())) {
      Runnable cleanup =
          () -> {
            if (cleaned.compareAndSet(false, true)) {
              admin.deleteAll(plan.keep() ? null : prefix, List.of());
              if (plan.keep()) {
                System.out.println("  kept the backlog: rerun with --prefix " + prefix);
              }
            }
          };
      Thread hook = new Thread(cleanup, "bench-cleanup");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        run(stack, plan, prefix, admin);
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

  private void run(Stack stack, Plan plan, String prefix, BenchTopics admin) throws Exception {
    String loadBefore = loadAverages();
    Topics topics = new Topics(prefix);
    System.out.printf(
        "replay benchmark: broker %s, registry %s, topics %s* (%d partitions); load %s%n",
        stack.bootstrap(), stack.registryApi(), prefix, plan.partitions(), loadBefore);
    PreparedBacklog backlog =
        PreparedBacklog.prepare(
            stack, admin, prefix, plan.backlog(), plan.partitions(), plan.reusePrefix() != null);
    BacklogGenerator.Counts expected = backlog.expected();
    Map<TopicPartition, Long> inputEnds = backlog.ends();
    long inputRecords = backlog.records();

    double baseline = Double.NaN;
    double baselineCpu = Double.NaN;
    if (plan.baseline()) {
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
          "  baseline: %,.0f records/s, %,.0f records per CPU-second%n", baseline, baselineCpu);
    }

    // every record of the backlog: record times are the producer's clock or the backlog's days
    Instant from = Instant.EPOCH;
    Instant to = Instant.now().plus(Duration.ofMinutes(1));
    Replay replay =
        new Replay(
            KafkaConnection.settings(Map.of("bootstrap.servers", stack.bootstrap())),
            AvroSerdes.registry(stack.registryApi()),
            topics,
            CodeVersion.current());
    List<Measured> runs = new ArrayList<>();
    runs.add(measure(replay, "live settings", Plan.settings(Plan.live(from, to)), stack.home()));
    if (plan.sweeps()) {
      runs.add(measure(replay, "sweep", Plan.settings(plan.sweep(from, to)), stack.home()));
    }
    for (Measured run : runs) {
      if (run.records() != inputRecords) {
        System.out.printf(
            "  warning: the %s replay planned %,d records of the %,d in the topics%n",
            run.label(), run.records(), inputRecords);
      }
    }
    String loadAfter = loadAverages();
    table(runs, baseline, baselineCpu, inputRecords, expected, loadBefore, loadAfter).print();
  }

  private static Measured measure(
      Replay replay, String label, ReplaySettings settings, Path hivemindHome) {
    System.out.println();
    System.out.printf(
        "[replay, %s] %d variant(s) (%s), thresholds %s%n",
        label,
        settings.variants().size(),
        settings.variants().stream()
            .map(ReplaySettings.Variant::label)
            .collect(Collectors.joining("; ")),
        settings.thresholds());
    try (HeapWatch heap = HeapWatch.start()) {
      CpuMeter cpu = CpuMeter.start(hivemindHome);
      long started = System.nanoTime();
      Replay.Plan planned = replay.plan(settings);
      long plannedAt = System.nanoTime();
      System.out.printf(
          "  planned %,d records in %.2f s%n", planned.records(), (plannedAt - started) / 1e9);
      AtomicLong lastRecord = new AtomicLong(plannedAt);
      ReplayResult result =
          replay.run(
              planned,
              progress -> {
                System.out.println("  " + label + ": " + progress);
                if (progress.read() == progress.total()) {
                  lastRecord.set(System.nanoTime());
                }
              },
              () -> false);
      long finished = System.nanoTime();
      double cpuSeconds = cpu.ownCpuSeconds();
      String cpuLine = cpu.summary();
      long peak = heap.peakUsed();
      long decisions = result.decisions().stream().mapToLong(List::size).sum();
      long retained = heap.retainedAfterCollection();
      Reference.reachabilityFence(result); // retained counts what the result holds
      Measured measured =
          new Measured(
              label,
              settings,
              planned.records(),
              (plannedAt - started) / 1e9,
              (lastRecord.get() - plannedAt) / 1e9,
              (finished - plannedAt) / 1e9,
              cpuSeconds,
              peak,
              retained,
              heap.max(),
              cpuLine,
              result.report().walk(),
              decisions);
      System.out.printf(
          "  %s: %,.0f records/s (%,.0f per CPU-second); walk %.2f s, report %.2f s; heap peak"
              + " %s, retained %s%n",
          label,
          measured.recordsPerSecond(),
          measured.recordsPerCpuSecond(),
          measured.walkSeconds(),
          measured.runSeconds() - measured.walkSeconds(),
          HeapWatch.mib(peak),
          HeapWatch.mib(retained));
      System.out.println("  " + cpuLine);
      return measured;
    }
  }

  private static ResultTable table(
      List<Measured> runs,
      double baseline,
      double baselineCpu,
      long inputRecords,
      BacklogGenerator.Counts expected,
      String loadBefore,
      String loadAfter) {
    ResultTable table = new ResultTable();
    String base =
        Double.isNaN(baseline) ? "-" : String.format("%,.0f records/s (consumer)", baseline);
    String baseCpu =
        Double.isNaN(baselineCpu)
            ? "-"
            : String.format("%,.0f records/CPU-s (consumer)", baselineCpu);
    Measured live = runs.get(0);
    for (Measured run : runs) {
      table.add(
          "replay, " + run.label() + " (" + run.shape() + ")",
          String.format(
              "%,.0f records/s%s",
              run.recordsPerSecond(),
              Double.isNaN(baseline)
                  ? ""
                  : String.format(", %.2f × baseline", run.recordsPerSecond() / baseline)),
          base,
          "none (DESIGN §10)",
          null);
      table.add(
          "  " + run.label() + " per CPU-second of the JVM",
          String.format("%,.0f records/CPU-s", run.recordsPerCpuSecond()),
          baseCpu,
          "-",
          null);
      table.add(
          "  " + run.label() + " plan / walk / report",
          String.format(
              "%.2f s / %.2f s / %.2f s",
              run.planSeconds(), run.walkSeconds(), run.runSeconds() - run.walkSeconds()),
          "-",
          "-",
          null);
      table.add(
          "  " + run.label() + " heap",
          String.format(
              "peak used %s, retained by the result %s (max %s)",
              HeapWatch.mib(run.peakHeap()),
              HeapWatch.mib(run.retainedHeap()),
              HeapWatch.mib(run.maxHeap())),
          "-",
          "-",
          null);
      table.add(
          "  " + run.label() + " walked",
          String.format(
              "%,d signals, %,d outcomes, %,d retried, %,d decisions",
              run.walk().signals(),
              run.walk().outcomes(),
              run.walk().retriedSignals(),
              run.decisions()),
          String.format("%,d trades", expected.trades),
          "-",
          null);
      if (run != live) {
        table.add(
            "  sweep cost",
            String.format(
                "%.2f × the live replay's time, %.2f × its CPU",
                run.runSeconds() / live.runSeconds(), run.cpuSeconds() / live.cpuSeconds()),
            "-",
            "-",
            null);
      }
    }
    table.note(String.format("input: %,d records (%s)", inputRecords, expected));
    table.note(
        "replay: the module's Replay in this JVM (read_committed, assigned partitions, merged in"
            + " record-time order, walked with the live learning code, report built); records/s"
            + " over run(), the plan's time apart");
    for (Measured run : runs) {
      table.note(run.label() + " " + run.cpu());
    }
    table.note("load average (1, 5, 15 min): before " + loadBefore + ", after " + loadAfter);
    return table;
  }

  private static String loadAverages() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
