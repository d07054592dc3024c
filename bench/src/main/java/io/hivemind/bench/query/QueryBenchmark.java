package io.hivemind.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.bench.Stack;
import io.hivemind.bench.ingest.Events;
import io.hivemind.bench.keys.BenchKeys;
import io.hivemind.bench.load.ClosedLoop;
import io.hivemind.bench.load.CpuMeter;
import io.hivemind.bench.load.LoadGenerator;
import io.hivemind.bench.load.LoadRequest;
import io.hivemind.bench.load.LoadResult;
import io.hivemind.bench.load.OpenLoop;
import io.hivemind.bench.load.Phase;
import io.hivemind.bench.load.Preflight;
import io.hivemind.bench.load.RequestSupplier;
import io.hivemind.bench.load.TargetTable;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ./hivemind bench query}: {@code /api/ml/win_probability} at its maximum rate alone, and
 * its latency at fixed rates while the gateway ingests, each beside the same HTTP stack's no-op
 * GET. DESIGN §10: p50 ≤ 1 ms and p99 ≤ 5 ms at 2,000 QPS while ingesting; ≥ 20,000 QPS alone.
 *
 * <p>Every request carries the elite API key of the user it asks or posts for ({@link BenchKeys},
 * one per {@code --users}); each seed batch is one user's.
 */
public final class QueryBenchmark {

  static final String NAME = "query";
  private static final double TARGET_RATE = 2000;

  /** {@code --ingest-mix}: signals only, or a signal and its outcome per trade. */
  public static final String SIGNALS = "signals";

  public static final String PAIRS = "pairs";

  /** Learner plus query service below this many cores: the seed is digested. */
  private static final double SETTLED_CORES = 0.10;

  private final PrintStream out = System.out;

  /**
   * What to measure: each phase's warm-up and measured time, the closed loop's connections, the
   * open loop's rates and connections, the ingest beside it (events/s and {@link #SIGNALS} or
   * {@link #PAIRS}), the users (one API key each), the symbols (1 to {@code Events.SYMBOLS}) and
   * trades per user seeded before measuring, and how long to wait for the seed to be learned.
   */
  public record Settings(
      Duration duration,
      Duration warmup,
      int connections,
      List<Double> rates,
      int openConnections,
      int ingestRate,
      String ingestMix,
      int users,
      int symbols,
      int trades,
      Duration seedWait) {

    public Settings {
      rates = List.copyOf(rates);
    }
  }

  /**
   * Seeds the stack, then runs the phases and prints each beside its baseline.
   *
   * @throws Preflight.NotReady when a part of the stack it needs does not answer
   */
  public void run(Stack stack, Settings settings) throws Exception {
    Events events = new Events(Events.newRunTag(), settings.users(), settings.symbols(), 7);
    CpuMeter cpu = CpuMeter.forStack(stack.home().resolve("pids"));
    try (LoadGenerator load = LoadGenerator.create()) {
      measure(stack, settings, events, cpu, load);
    }
  }

  private void measure(
      Stack stack, Settings settings, Events events, CpuMeter cpu, LoadGenerator load)
      throws Exception {
    String query = stack.query();
    String gateway = stack.gateway();
    out.printf(
        "query: confidence-query %s, ingest through %s; %s warm-up + %s per phase%n",
        query, gateway, text(settings.warmup()), text(settings.duration()));
    out.printf(
        "  load generator: this JVM (pid %d), HTTP/1.1 keep-alive, one Vert.x event loop per run,"
            + " on the same %d cores as the stack: each phase shows where the CPU went%n",
        ProcessHandle.current().pid(), Runtime.getRuntime().availableProcessors());
    Preflight.check(load, query, "/q/health/ready", null, "confidence-query");
    Preflight.check(
        load,
        query,
        "/api/bench/noop",
        null,
        "confidence-query's GET /api/bench/noop (rebuild it: mvn -o -q install -pl"
            + " confidence-query -DskipTests, then ./hivemind down and up)");
    Preflight.check(load, gateway, "/q/health/ready", null, "ingest-gateway");
    BenchKeys keys =
        BenchKeys.mint(stack.kafka(), NAME, events.users(), out).awaitAccepted(gateway, query, out);

    seed(settings, events, keys, load, gateway, query, cpu);

    SplittableRandom questions = new SplittableRandom(11);
    RequestSupplier winProbability =
        i -> {
          int user = questions.nextInt(events.userCount());
          return LoadRequest.get(question(events, user, questions), keys.header(events.user(user)));
        };
    // the no-op is open, but carries a key as the question would: the same request headers
    RequestSupplier noop =
        i ->
            LoadRequest.get(
                "/api/bench/noop", keys.header(events.user((int) (i % events.userCount()))));

    LoadResult noopMax =
        phase(
            "[1] baseline: GET /api/bench/noop (same HTTP stack, no stores), closed loop, "
                + settings.connections()
                + " connections",
            cpu,
            phase ->
                ClosedLoop.run(
                    load,
                    query,
                    settings.connections(),
                    noop,
                    settings.warmup(),
                    settings.duration(),
                    phase.onMeasuring()),
            "GET /api/bench/noop");
    LoadResult max =
        phase(
            "[2] GET /api/ml/win_probability alone (random seeded users, symbols, sides, rsi,"
                + " vwap_z), closed loop, "
                + settings.connections()
                + " connections",
            cpu,
            phase ->
                ClosedLoop.run(
                    load,
                    query,
                    settings.connections(),
                    winProbability,
                    settings.warmup(),
                    settings.duration(),
                    phase.onMeasuring()),
            "GET /api/ml/win_probability");

    String during = settings.ingestRate() > 0 ? " while ingesting" : "";
    if (settings.ingestRate() > 0) {
      out.printf(
          "[3] each phase below runs beside a background ingest: open loop, %,d POSTs/s to the"
              + " gateway, %s, started with the phase's warm-up and stopped with it%n",
          settings.ingestRate(),
          settings.ingestMix().equals(PAIRS)
              ? "alternating /api/signals and /api/outcomes of the same trade (the learner"
                  + " updates the statistics being read)"
              : "/api/signals");
    }
    BackgroundIngest ingest = new BackgroundIngest(settings, events, keys, load, gateway);
    Map<Double, Measured3> atRates = new LinkedHashMap<>();
    for (double rate : settings.rates()) {
      atRates.put(
          rate,
          duringIngest(
              ingest,
              String.format(
                  Locale.ROOT,
                  "[3] GET /api/ml/win_probability, open loop at %,.0f QPS%s, %d connections",
                  rate,
                  during,
                  settings.openConnections()),
              cpu,
              phase ->
                  OpenLoop.start(
                          load,
                          query,
                          settings.openConnections(),
                          rate,
                          winProbability,
                          settings.warmup(),
                          settings.duration(),
                          phase.onMeasuring())
                      .await(),
              String.format(Locale.ROOT, "win_probability @ %,.0f QPS", rate)));
    }
    Measured3 noopOpen =
        duringIngest(
            ingest,
            String.format(
                Locale.ROOT,
                "[3] baseline: GET /api/bench/noop, open loop at %,.0f QPS%s, %d connections",
                TARGET_RATE,
                during,
                settings.openConnections()),
            cpu,
            phase ->
                OpenLoop.start(
                        load,
                        query,
                        settings.openConnections(),
                        TARGET_RATE,
                        noop,
                        settings.warmup(),
                        settings.duration(),
                        phase.onMeasuring())
                    .await(),
            String.format(Locale.ROOT, "noop @ %,.0f QPS", TARGET_RATE));

    out.println();
    out.println(table(settings, noopMax, max, atRates, noopOpen, during).render());
    out.println(
        "Figures from one run on this machine; the load generator shares its cores (see each"
            + " phase's cpu line).");
  }

  /** Posts every user's trades on every symbol as signal+outcome pairs, then waits to see them. */
  private void seed(
      Settings settings,
      Events events,
      BenchKeys keys,
      LoadGenerator load,
      String gateway,
      String query,
      CpuMeter cpu)
      throws Exception {
    // one user's trades per batch: the gateway refuses a batch naming any user but the key's
    int pairsPerBatch = 250; // 500 events, under the gateway's batch and body limits
    List<List<Events.Trade>> batchList = new ArrayList<>();
    long id = 0;
    int pairs = 0;
    for (int u = 0; u < settings.users(); u++) {
      List<Events.Trade> userTrades = new ArrayList<>();
      for (int s = 0; s < settings.symbols(); s++) {
        for (int t = 0; t < settings.trades(); t++) {
          userTrades.add(events.trade(id++, u, s));
        }
      }
      for (int from = 0; from < userTrades.size(); from += pairsPerBatch) {
        batchList.add(userTrades.subList(from, Math.min(userTrades.size(), from + pairsPerBatch)));
      }
      pairs += userTrades.size();
    }
    int batches = batchList.size();
    out.printf(
        "[0] seed: %,d users × %d symbols × %d trades = %,d signal+outcome pairs, in %,d POST"
            + " /api/events of one user's trades, at most %d events each (run tag %s)%n",
        settings.users(),
        settings.symbols(),
        settings.trades(),
        pairs,
        batches,
        2 * pairsPerBatch,
        events.runTag());
    long started = System.nanoTime();
    LoadResult seeded =
        ClosedLoop.run(
            load,
            gateway,
            4,
            i -> {
              if (i >= batches) {
                return null;
              }
              List<Events.Trade> part = batchList.get((int) i);
              return LoadRequest.postJson(
                  "/api/events", events.batchJson(part, part), keys.header(part.get(0).userId()));
            },
            Duration.ZERO,
            Duration.ofMinutes(10));
    if (seeded.ok() != batches) {
      throw new Preflight.NotReady(
          "seeding failed: " + seeded.statusLine() + " for " + batches + " batches");
    }
    out.printf(Locale.ROOT, "  posted in %.1f s%n", (System.nanoTime() - started) / 1e9);

    // the last user's trades on every symbol, as the query service reports them
    int last = settings.users() - 1;
    ObjectMapper json = new ObjectMapper();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + settings.seedWait().toNanos();
    for (int s = 0; s < settings.symbols(); s++) {
      URI stats =
          URI.create(
              query + "/api/ml/stats?user_id=" + events.user(last) + "&symbol=" + events.symbol(s));
      long seen = -1;
      while (seen < settings.trades()) {
        if (System.nanoTime() > deadline) {
          throw new Preflight.NotReady(
              "seeded trades not visible after "
                  + text(settings.seedWait())
                  + ": "
                  + stats
                  + " shows "
                  + seen
                  + " of "
                  + settings.trades()
                  + " (is the learner running, or still working through a backlog, e.g. after"
                  + " bench ingest? ./hivemind up --clean starts from empty topics)");
        }
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(stats)
                    .header("Authorization", keys.authorization(events.user(last)))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          JsonNode body = json.readTree(answer.body());
          seen = body.at("/total/trades").asLong();
        }
        if (seen < settings.trades()) {
          Thread.sleep(100);
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "  the last user's trades visible in /api/ml/stats %.1f s after the first POST%n",
        (System.nanoTime() - started) / 1e9);
    settle(cpu, deadline);
  }

  /**
   * Waits (until {@code deadline}) for the learner and the query service to finish the seed's work:
   * the last user being visible does not mean every partition and the community statistics are
   * done, and that work would otherwise be counted against the first phases.
   */
  private void settle(CpuMeter cpu, long deadline) throws InterruptedException {
    long started = System.nanoTime();
    double busy = Double.NaN;
    while (System.nanoTime() < deadline) {
      CpuMeter.Sample before = cpu.sample();
      Thread.sleep(1000);
      CpuMeter.Split split = cpu.since(before);
      if (split == null) {
        return; // no /proc: nothing to wait on
      }
      busy =
          split.cores().getOrDefault("learner-streams", 0.0)
              + split.cores().getOrDefault("confidence-query", 0.0);
      if (busy < SETTLED_CORES) {
        out.printf(
            Locale.ROOT,
            "  learner and query service settled (%.2f cores) after another %.1f s%n",
            busy,
            (System.nanoTime() - started) / 1e9);
        return;
      }
    }
    out.printf(
        Locale.ROOT, "  learner and query service still busy (%.2f cores); going on%n", busy);
  }

  private static String question(Events events, int user, SplittableRandom random) {
    return "/api/ml/win_probability?user_id="
        + events.user(user)
        + "&symbol="
        + events.symbol(random.nextInt(events.symbolCount()))
        + "&side="
        + (random.nextBoolean() ? "LONG" : "SHORT")
        + "&rsi="
        + Math.round(100 + 800 * random.nextDouble()) / 10.0
        + "&vwap_z="
        + Math.round(-300 + 600 * random.nextDouble()) / 100.0;
  }

  private interface Measured {
    LoadResult run(Phase phase);
  }

  private LoadResult phase(String title, CpuMeter cpu, Measured measured, String what) {
    out.println(title);
    Phase phase = new Phase(cpu);
    LoadResult result = measured.run(phase);
    out.println(result.describe(what));
    out.println(phase.cpuLines(result.completed()));
    return result;
  }

  /** A phase of [3]: the query figures and, when ingesting, the ingest's own beside them. */
  private record Measured3(LoadResult query, LoadResult ingest) {}

  private Measured3 duringIngest(
      BackgroundIngest ingest, String title, CpuMeter cpu, Measured measured, String what) {
    OpenLoop.Running running = ingest.start();
    LoadResult query = phase(title, cpu, measured, what);
    if (running == null) {
      return new Measured3(query, null);
    }
    LoadResult ingested = running.stop();
    out.println(ingested.describe("  beside it: background POSTs to the gateway"));
    return new Measured3(query, ingested);
  }

  /** The open-loop ingest each phase of [3] runs beside; every start posts new events. */
  private static final class BackgroundIngest {

    private final Settings settings;
    private final Events events;
    private final BenchKeys keys;
    private final LoadGenerator load;
    private final String gateway;
    private long nextBase = 5_000_000_000L;

    BackgroundIngest(
        Settings settings, Events events, BenchKeys keys, LoadGenerator load, String gateway) {
      this.settings = settings;
      this.events = events;
      this.keys = keys;
      this.load = load;
      this.gateway = gateway;
    }

    /** Null when there is no ingest rate; measured from the end of the phase's warm-up. */
    OpenLoop.Running start() {
      if (settings.ingestRate() == 0) {
        return null;
      }
      long base = nextBase;
      nextBase += 1_000_000_000L;
      boolean pairs = settings.ingestMix().equals(PAIRS);
      return OpenLoop.start(
          load,
          gateway,
          32,
          settings.ingestRate(),
          i -> {
            Events.Trade trade = events.trade(pairs ? base + i / 2 : base + i);
            CharSequence key = keys.header(trade.userId());
            return !pairs || i % 2 == 0
                ? LoadRequest.postJson("/api/signals", events.signalJson(trade), key)
                : LoadRequest.postJson("/api/outcomes", events.outcomeJson(trade), key);
          },
          settings.warmup(),
          Duration.ZERO);
    }
  }

  private static TargetTable table(
      Settings settings,
      LoadResult noopMax,
      LoadResult max,
      Map<Double, Measured3> atRates,
      Measured3 noopPhase,
      String during) {
    LoadResult noopOpen = noopPhase.query();
    TargetTable table = new TargetTable();
    table.row(
        "win_probability alone, max QPS (" + settings.connections() + " connections)",
        String.format(Locale.ROOT, "%,.0f%s", max.okRate(), errors(max)),
        String.format(Locale.ROOT, "no-op GET %,.0f req/s", noopMax.okRate()),
        "≥ 20,000",
        max.okRate() >= 20_000);
    String baseline =
        String.format(
            Locale.ROOT,
            "no-op GET @ %,.0f: p50 %.2f, p99 %.2f ms",
            TARGET_RATE,
            noopOpen.millisAt(50),
            noopOpen.millisAt(99));
    for (Map.Entry<Double, Measured3> entry : atRates.entrySet()) {
      double rate = entry.getKey();
      LoadResult r = entry.getValue().query();
      LoadResult ingested = entry.getValue().ingest();
      boolean target = rate == TARGET_RATE;
      table.row(
          String.format(Locale.ROOT, "win_probability @ %,.0f QPS%s", rate, during),
          String.format(
              Locale.ROOT,
              "p50 %.2f, p99 %.2f, p99.9 %.2f ms; achieved %,.0f/s%s%s",
              r.millisAt(50),
              r.millisAt(99),
              r.millisAt(99.9),
              r.achievedRate(),
              errors(r),
              ingested == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      " (ingest beside it: %,.0f/s, p99 %.2f ms%s)",
                      ingested.achievedRate(),
                      ingested.millisAt(99),
                      errors(ingested))),
          target ? baseline : "—",
          target ? "p50 ≤ 1 ms, p99 ≤ 5 ms" : "—",
          target ? r.millisAt(50) <= 1 && r.millisAt(99) <= 5 && r.errors() == 0 : null);
    }
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
