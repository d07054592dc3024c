package io.hivemind.simulator.demo;

import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyTopicException;
import io.hivemind.simulator.bot.BotClient;
import io.hivemind.simulator.bot.BotSettings;
import io.hivemind.simulator.bot.BotTransport;
import io.hivemind.simulator.bot.FleetRunner;
import io.hivemind.simulator.bot.LoggingTransport;
import io.hivemind.simulator.bot.RetryPolicy;
import io.hivemind.simulator.bot.SimulatedClock;
import io.hivemind.simulator.bot.StopSignal;
import io.hivemind.simulator.bot.WireJson;
import io.hivemind.simulator.fleet.Fleet;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.keys.BotKeys;
import io.hivemind.simulator.keys.KeyAcceptance;
import io.hivemind.simulator.keys.KeyMinter;
import io.hivemind.simulator.keys.KeyNotAcceptedException;
import io.hivemind.simulator.score.DivergenceGrid;
import io.hivemind.simulator.score.FleetScores;
import io.hivemind.simulator.score.ReportedTrades;
import io.hivemind.simulator.world.MarketWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The fleet against the running stack: a health check first, then one API key per simulated user
 * (minted for the run, accepted by both services before any bot starts), then the bots paced by the
 * simulated clock with a progress line every second, and at the end (the duration, or Ctrl-C) the
 * summary and the divergence table asked of the live service. The keys are never printed.
 */
public final class LiveDemo {

  /** Who the key records name as their creator. */
  static final String KEY_CREATOR = "demo";

  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
  private static final Duration HOOK_WAIT = Duration.ofSeconds(30);

  /** How long past its duration a run waits for bots that lag behind a slow stack. */
  private static final Duration LAG_GRACE = Duration.ofSeconds(15);

  /** How long the divergence table waits for the learner to catch up with the run. */
  private static final Duration LEARNED_WAIT = Duration.ofSeconds(60);

  /** Few, short retries for the table's questions: the run is over, the user is waiting. */
  private static final RetryPolicy PROBE_RETRIES =
      new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(2));

  private final DemoSettings options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final FleetObserver observer;
  private final RetryPolicy retry;
  private final boolean divergence;
  private final HttpClient http = BotClient.newHttpClient();
  private BotKeys keys;

  public LiveDemo(DemoSettings options, PrintWriter out, PrintWriter err, Clock clock) {
    this(options, out, err, clock, FleetObserver.NONE, RetryPolicy.defaults(), true);
  }

  /**
   * @param observer what is put around each bot
   * @param retry how the bots retry
   * @param divergence whether the run ends with the divergence table
   */
  public LiveDemo(
      DemoSettings options,
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      FleetObserver observer,
      RetryPolicy retry,
      boolean divergence) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.observer = observer;
    this.retry = retry;
    this.divergence = divergence;
  }

  /** Empty when both services are ready; else what is wrong, naming the URL. */
  public Optional<String> stackProblem() {
    StackHealth health = new StackHealth(http);
    return health
        .problemWith("confidence-query", options.query())
        .or(() -> health.problemWith("ingest-gateway", options.gateway()));
  }

  /**
   * Mints one bot key per simulated user, in the user's tier (one writer, every record
   * acknowledged), then waits until the gateway and the query accept the key written last. Empty
   * when done; else what is wrong: Kafka, the key topic, or a service that does not take the keys.
   */
  public Optional<String> provisionKeys() throws InterruptedException {
    Map<String, Tier> tiers = new LinkedHashMap<>();
    for (SimulatedUser user : Fleet.users(options.seed(), options.bots())) {
      tiers.put(user.userId(), Tier.fromWire(user.tier()));
    }
    long started = System.nanoTime();
    BotKeys minted;
    try {
      minted = new KeyMinter(options.kafka(), KEY_CREATOR).mint(tiers);
    } catch (KeyTopicException e) {
      return Optional.of("cannot mint the bots' API keys: " + e.getMessage());
    }
    try {
      new KeyAcceptance(http)
          .awaitAccepted(
              minted,
              List.of(
                  KeyAcceptance.Probe.gateway(options.gateway(), minted.lastUser()),
                  KeyAcceptance.Probe.query(options.query(), minted.lastUser())));
    } catch (KeyNotAcceptedException e) {
      return Optional.of(e.getMessage());
    }
    keys = minted;
    out.printf(
        "demo: minted %d bot keys (one per simulated user, in its tier) in %s; both services"
            + " accept them (%.1f s)%n",
        minted.size(), options.kafka().topics().apiKeys, (System.nanoTime() - started) / 1e9);
    return Optional.empty();
  }

  /** The {@code Authorization} header of {@code userId}'s bot key, once provisioned. */
  public String authorizationOf(String userId) {
    if (keys == null) {
      throw new IllegalStateException("provisionKeys first");
    }
    return keys.authorization(userId);
  }

  public void run() throws IOException, InterruptedException {
    if (keys == null) {
      throw new IllegalStateException("provisionKeys first: no bot may start without its key");
    }
    SimulatedClock simulated = SimulatedClock.endingNow(options.duration(), options.speed(), clock);
    Instant from = simulated.simulatedStart();
    Instant to = from.plus(SimulatedClock.scaled(options.duration(), options.speed()));
    MarketWorld world = new MarketWorld(options.fleetSettings(from, to));
    FleetScores scores = FleetScores.create();
    StopSignal stop = new StopSignal();
    BotSettings bots =
        new BotSettings(
            from,
            to,
            options.simulatedHeartbeat(),
            options.explore(),
            true,
            BotSettings.BOT_VERSION);
    out.printf(
        "demo: %d bots, seed %d, simulating %s → %s at %.0f× (%ds real), gateway %s, query %s%n",
        options.bots(),
        options.seed(),
        from,
        to,
        options.speed(),
        options.duration().toSeconds(),
        options.gateway(),
        options.query());

    // Ctrl-C: stop the fleet, then keep the JVM alive (bounded) until the report is printed
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.stop();
              try {
                reported.await(HOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    ProgressLine progress = new ProgressLine(out, System.console() != null);
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "demo-progress");
              thread.setDaemon(true);
              return thread;
            });
    long started = System.nanoTime();
    try (EventFile events = EventFile.open(options.eventsOut())) {
      Function<SimulatedUser, BotTransport> transports =
          user ->
              observer.around(
                  user,
                  new LoggingTransport(
                      new BotClient(
                          http,
                          options.gateway(),
                          options.query(),
                          keys.keyOf(user.userId()),
                          retry,
                          scores.tally(),
                          stop,
                          observer.attemptsOf(user)),
                      events.log()));
      FleetRunner runner = new FleetRunner(world, bots, simulated, transports, scores, stop);
      ticker.scheduleAtFixedRate(
          () -> progress.print(progressOf(simulated, to, scores)), 1, 1, TimeUnit.SECONDS);
      runner.start();
      // the run lasts its duration even when the bots are done early (a quiet weekend), and not
      // much longer when they lag behind a slow stack: the last trades get a bounded grace
      long overrun = System.nanoTime() + options.duration().plus(LAG_GRACE).toNanos();
      while (!stop.isStopped()
          && (!runner.isFinished() || simulated.untilDue(to).toMillis() > 0)
          && System.nanoTime() < overrun) {
        runner.awaitFinished(Duration.ofMillis(200));
      }
      boolean interrupted = !runner.isFinished();
      boolean stoppedByUser = stop.isStopped();
      runner.shutdown(SHUTDOWN_GRACE);
      // the run ended on purpose: no bot of it is to be told crashed (issue 17)
      runner.signOff(clock.instant());
      ticker.shutdownNow();
      progress.print(progressOf(simulated, to, scores));
      progress.finish();
      if (interrupted) {
        out.println(
            stoppedByUser
                ? "demo: stopped before the end of the run"
                : "demo: the bots fell behind the simulated clock (a slow stack?); stopped "
                    + LAG_GRACE.toSeconds()
                    + " s after the duration");
      }
      RunSummary.print(
          out,
          "SUMMARY",
          options.bots(),
          options.seed(),
          from,
          interrupted ? earlier(simulated.simulatedNow(), to) : to,
          Duration.ofNanos(System.nanoTime() - started),
          scores,
          runner.openPositions());
      if (divergence) {
        printDivergence(world, scores);
      }
      out.flush();
    } finally {
      reported.countDown();
      ticker.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already (Ctrl-C): the hook was waiting for this report, which is done
      }
    }
  }

  private void printDivergence(MarketWorld world, FleetScores scores) throws InterruptedException {
    Optional<DivergenceGrid> grid =
        DivergenceGrid.choose(
            scores.patterns(),
            world.fleet(),
            world.truth(),
            DemoSettings.GRID_USERS,
            DemoSettings.GRID_PATTERNS);
    if (grid.isEmpty()) {
      out.println("demo: too few signals for a divergence table; run longer or faster");
      return;
    }
    awaitLearned(grid.get(), scores.reported());
    // the questions are not part of the run: their own stop signal lets them go after a Ctrl-C,
    // their own tally keeps them out of its totals
    StopSignal probing = new StopSignal();
    FleetScores probeScores = FleetScores.create();
    DivergenceReport.print(
        out,
        grid.get(),
        world.truth(),
        user ->
            new BotClient(
                http,
                options.gateway(),
                options.query(),
                keys.keyOf(user.userId()),
                PROBE_RETRIES,
                probeScores.tally(),
                probing));
  }

  /**
   * The learner may still be working through the run's last trades: the table asks once the
   * statistics of the grid's users show every trade they reported, or after a bounded wait.
   */
  private void awaitLearned(DivergenceGrid grid, ReportedTrades reported)
      throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + LEARNED_WAIT.toNanos();
    List<SimulatedUser> behind = new ArrayList<>(grid.users());
    out.print("demo: waiting for the stack to learn the last trades of the table's users ...");
    out.flush();
    while (!behind.isEmpty() && System.nanoTime() < deadline) {
      behind.removeIf(
          user ->
              learnedTrades(user, grid.symbol()) >= reported.count(user.userId(), grid.symbol()));
      if (!behind.isEmpty()) {
        Thread.sleep(250); // polling the service; bounded by the deadline
      }
    }
    out.printf(
        behind.isEmpty() ? " learned (%.1f s)%n" : " gave up after %.0f s: some answers lag%n",
        (System.nanoTime() - started) / 1e9);
  }

  /** The user's learned trades on the symbol, from {@code /api/ml/stats}; -1 if unknown. */
  private long learnedTrades(SimulatedUser user, String symbol) {
    URI stats =
        URI.create(
            options.query()
                + "/api/ml/stats?user_id="
                + user.userId()
                + "&symbol="
                + URLEncoder.encode(symbol, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(stats)
                  .timeout(Duration.ofSeconds(5))
                  .header(BotClient.AUTHORIZATION, keys.authorization(user.userId()))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200
          ? WireJson.mapper().readTree(answer.body()).path("total").path("trades").asLong(-1)
          : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String progressOf(SimulatedClock simulated, Instant end, FleetScores scores) {
    return ProgressLine.format(
        earlier(simulated.simulatedNow(), end), scores.tally().snapshot(), scores.served());
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
