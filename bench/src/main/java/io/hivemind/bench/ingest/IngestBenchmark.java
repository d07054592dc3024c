package io.hivemind.bench.ingest;

import io.hivemind.bench.Stack;
import io.hivemind.bench.keys.BenchKeys;
import io.hivemind.bench.load.ClosedLoop;
import io.hivemind.bench.load.CpuMeter;
import io.hivemind.bench.load.LoadGenerator;
import io.hivemind.bench.load.LoadRequest;
import io.hivemind.bench.load.LoadResult;
import io.hivemind.bench.load.Phase;
import io.hivemind.bench.load.Preflight;
import io.hivemind.bench.load.RequestSupplier;
import io.hivemind.bench.load.TargetTable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./hivemind bench ingest}: the gateway's ingest rate, one event per POST and batched,
 * beside the same HTTP stack without Kafka ({@code POST /api/bench/noop}, same bodies) and Kafka's
 * own producer on the same broker. DESIGN §10: one event per POST ≥ 20,000 events/s with POST p99 ≤
 * 25 ms; batched ≥ 80,000 events/s and ≥ 0.5 of ProducerPerformance.
 *
 * <p>Every request carries its user's elite API key ({@link BenchKeys}, one per {@code --users}); a
 * batch is one user's. The gateway limits each key to 500 requests/s, so {@code --users} bounds the
 * rate at {@code users × 500}.
 */
public final class IngestBenchmark {

  static final String NAME = "ingest";

  private final PrintStream out = System.out;

  /**
   * What to measure: each phase's warm-up and measured time, the connections of the one-event phase
   * and of the batched phase, the events per batch (at most the gateway's
   * hivemind.ingest.max-batch, 1000), the users (one API key each), and the records of Kafka's own
   * ProducerPerformance.
   */
  public record Settings(
      Duration duration,
      Duration warmup,
      int connections,
      int batch,
      int batchConnections,
      int users,
      int producerRecords) {}

  /**
   * Runs the phases against the stack and prints each beside its baselines.
   *
   * @throws Preflight.NotReady when a part of the stack it needs does not answer
   */
  public void run(Stack stack, Settings settings) throws Exception {
    String runTag = Events.newRunTag();
    Events events = new Events(runTag, settings.users(), Events.SYMBOLS.size(), 42);
    CpuMeter cpu = CpuMeter.forStack(stack.home().resolve("pids"));
    String gateway = stack.gateway();

    out.printf(
        "ingest: gateway %s, broker %s (%d partitions); %s warm-up + %s per phase%n",
        gateway,
        stack.bootstrap(),
        stack.partitions(),
        text(settings.warmup()),
        text(settings.duration()));
    out.printf(
        "  load generator: this JVM (pid %d), HTTP/1.1 keep-alive, one Vert.x event loop per run,"
            + " on the same %d cores as the stack: each phase shows where the CPU went%n",
        ProcessHandle.current().pid(), Runtime.getRuntime().availableProcessors());
    out.printf(
        "  events: %,d users, %d symbols, every signal id unique (run tag %s)%n",
        settings.users(), events.symbolCount(), runTag);

    try (LoadGenerator load = LoadGenerator.create()) {
      measure(stack, settings, events, cpu, load);
    }
  }

  private void measure(
      Stack stack, Settings settings, Events events, CpuMeter cpu, LoadGenerator load)
      throws Exception {
    String gateway = stack.gateway();
    Preflight.check(load, gateway, "/q/health/ready", null, "ingest-gateway");
    Preflight.check(
        load,
        gateway,
        "/api/bench/noop",
        events.signalJson(events.trade(-1)),
        "ingest-gateway's POST /api/bench/noop (rebuild it: mvn -o -q install -pl ingest-gateway"
            + " -DskipTests, then ./hivemind down and up)");
    String runTag = events.runTag();
    BenchKeys keys =
        BenchKeys.mint(stack.kafka(), NAME, events.users(), out).awaitAccepted(gateway, null, out);

    // the no-op is open, but carries the same key as the signal would: the same request bytes
    RequestSupplier noopBodies =
        i -> {
          Events.Trade trade = events.trade(i);
          return LoadRequest.postJson(
              "/api/bench/noop", events.signalJson(trade), keys.header(trade.userId()));
        };
    LoadResult noop =
        phase(
            "[1/4] baseline: POST /api/bench/noop (same signal bodies, same HTTP stack, no Kafka),"
                + " closed loop, "
                + settings.connections()
                + " connections",
            cpu,
            phase ->
                ClosedLoop.run(
                    load,
                    gateway,
                    settings.connections(),
                    noopBodies,
                    settings.warmup(),
                    settings.duration(),
                    phase.onMeasuring()),
            "POST /api/bench/noop");

    long singleBase = 1_000_000_000_000L;
    RequestSupplier signals =
        i -> {
          Events.Trade trade = events.trade(singleBase + i);
          return LoadRequest.postJson(
              "/api/signals", events.signalJson(trade), keys.header(trade.userId()));
        };
    LoadResult single =
        phase(
            "[2/4] one event per POST /api/signals (202 after acks=all), closed loop, "
                + settings.connections()
                + " connections",
            cpu,
            phase ->
                ClosedLoop.run(
                    load,
                    gateway,
                    settings.connections(),
                    signals,
                    settings.warmup(),
                    settings.duration(),
                    phase.onMeasuring()),
            "POST /api/signals");
    out.printf(Locale.ROOT, "  → %,.0f events/s accepted (202)%n", single.okRate());

    long batchBase = 2_000_000_000_000L;
    int batch = settings.batch();
    int users = events.userCount();
    RequestSupplier batches =
        i -> {
          // one user's signals: the gateway refuses a batch naming any user but the key's
          int user = (int) (i % users);
          List<Events.Trade> trades = new ArrayList<>(batch);
          for (int k = 0; k < batch; k++) {
            trades.add(events.trade(batchBase + i * batch + k, user));
          }
          return LoadRequest.postJson(
              "/api/events", events.batchJson(trades, List.of()), keys.header(events.user(user)));
        };
    LoadResult batched =
        phase(
            "[3/4] batched: POST /api/events, "
                + batch
                + " signals of one user each, closed loop, "
                + settings.batchConnections()
                + " connections",
            cpu,
            phase ->
                ClosedLoop.run(
                    load,
                    gateway,
                    settings.batchConnections(),
                    batches,
                    settings.warmup(),
                    settings.duration(),
                    phase.onMeasuring()),
            "POST /api/events (" + batch + " signals)",
            batch);
    double batchedEvents = batched.okRate() * batch;
    out.printf(Locale.ROOT, "  → %,.0f events/s accepted (202)%n", batchedEvents);

    int recordSize = WireSize.signalValueBytes(events, 1000);
    out.printf(
        "[4/4] baseline: Kafka's ProducerPerformance, %,d records of %d bytes (one Signal as the"
            + " gateway writes it: 5-byte Confluent header + Avro), acks=all, %d partitions%n",
        settings.producerRecords(), recordSize, stack.partitions());
    Phase producerPhase = new Phase(cpu);
    producerPhase.onMeasuring().run();
    Optional<ProducerPerformanceRun.Result> producer =
        ProducerPerformanceRun.run(
            stack,
            stack.topicPrefix() + "bench.producer-perf." + runTag,
            settings.producerRecords(),
            recordSize,
            out);
    out.println(
        producerPhase.cpuLines(
            producer.map(ProducerPerformanceRun.Result::records).orElse(0L), "record"));
    out.println("  (bench-children: ProducerPerformance)");

    out.println();
    out.println(table(settings, noop, single, batched, batchedEvents, producer).render());
    out.println(
        "Figures from one run on this machine; the load generator shares its cores (see each"
            + " phase's cpu line).");
  }

  private interface Measured {
    LoadResult run(Phase phase);
  }

  private LoadResult phase(String title, CpuMeter cpu, Measured measured, String what) {
    return phase(title, cpu, measured, what, 1);
  }

  /** {@code eventsPerRequest} > 1: the CPU is shown per event. */
  private LoadResult phase(
      String title, CpuMeter cpu, Measured measured, String what, int eventsPerRequest) {
    out.println(title);
    Phase phase = new Phase(cpu);
    LoadResult result = measured.run(phase);
    out.println(result.describe(what));
    out.println(
        eventsPerRequest == 1
            ? phase.cpuLines(result.completed())
            : phase.cpuLines(result.completed() * eventsPerRequest, "event"));
    return result;
  }

  private static TargetTable table(
      Settings settings,
      LoadResult noop,
      LoadResult single,
      LoadResult batched,
      double batchedEvents,
      Optional<ProducerPerformanceRun.Result> producer) {
    TargetTable table = new TargetTable();
    table.row(
        "one event per POST, events/s (" + settings.connections() + " connections)",
        String.format(Locale.ROOT, "%,.0f%s", single.okRate(), errors(single)),
        String.format(Locale.ROOT, "no-op POST %,.0f req/s", noop.okRate()),
        "≥ 20,000",
        single.okRate() >= 20_000);
    table.row(
        "one event per POST, POST latency",
        String.format(
            Locale.ROOT,
            "p50 %.2f, p99 %.2f, p99.9 %.2f ms",
            single.millisAt(50),
            single.millisAt(99),
            single.millisAt(99.9)),
        String.format(
            Locale.ROOT, "no-op p50 %.2f, p99 %.2f ms", noop.millisAt(50), noop.millisAt(99)),
        "p99 ≤ 25 ms",
        single.millisAt(99) <= 25);
    String producerRate =
        producer
            .map(
                p ->
                    String.format(
                        Locale.ROOT, "ProducerPerformance %,.0f rec/s", p.recordsPerSecond()))
            .orElse("ProducerPerformance not run");
    table.row(
        "batched (" + settings.batch() + "/POST), events/s",
        String.format(Locale.ROOT, "%,.0f%s", batchedEvents, errors(batched)),
        producerRate,
        "≥ 80,000",
        batchedEvents >= 80_000);
    table.row(
        "batched ÷ ProducerPerformance",
        producer
            .map(p -> String.format(Locale.ROOT, "%.2f", batchedEvents / p.recordsPerSecond()))
            .orElse("—"),
        producerRate,
        "≥ 0.5",
        producer.map(p -> batchedEvents / p.recordsPerSecond() >= 0.5).orElse(null));
    return table;
  }

  private static String errors(LoadResult result) {
    return result.errors() == 0
        ? ""
        : " (" + result.errors() + " errors: " + result.statusLine() + ")";
  }

  static String text(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
