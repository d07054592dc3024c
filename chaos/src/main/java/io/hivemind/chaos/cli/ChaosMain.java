package io.hivemind.chaos.cli;

import io.hivemind.bench.Stack;
import io.hivemind.chaos.fault.FaultRunner;
import io.hivemind.chaos.fault.FaultWindow;
import io.hivemind.chaos.fault.StackControl;
import io.hivemind.chaos.observe.Acknowledged;
import io.hivemind.chaos.observe.Answer;
import io.hivemind.chaos.observe.AnswerLog;
import io.hivemind.chaos.oracle.Expectation;
import io.hivemind.chaos.oracle.Invariants;
import io.hivemind.chaos.oracle.Invariants.Check;
import io.hivemind.chaos.oracle.Invariants.Halt;
import io.hivemind.chaos.oracle.LogReader;
import io.hivemind.chaos.oracle.LogSnapshot;
import io.hivemind.chaos.report.ChaosReport;
import io.hivemind.chaos.report.FaultCost;
import io.hivemind.simulator.bot.AttemptLog;
import io.hivemind.simulator.bot.BotTransport;
import io.hivemind.simulator.bot.RetryPolicy;
import io.hivemind.simulator.bot.WireJson;
import io.hivemind.simulator.cli.FleetObserver;
import io.hivemind.simulator.cli.LiveDemo;
import io.hivemind.simulator.cli.UsageException;
import io.hivemind.simulator.fleet.Fleet;
import io.hivemind.simulator.fleet.SimulatedUser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./hivemind chaos}: the simulated fleet against the running stack while faults are injected
 * on a schedule; then, once the learner has caught up, the oracle's verdict.
 *
 * <p>One simulated user is halted for the whole drill (a {@code user:} scope), so that every answer
 * to its bot, through every fault, can be held to HALTED; the halt is lifted at the end.
 *
 * <p>Exit codes: 0 every invariant held, 1 one broke (or the stack was not there to drill), 2 bad
 * arguments.
 */
public final class ChaosMain {

  static final int EXIT_HELD = 0;
  static final int EXIT_BROKEN = 1;
  static final int EXIT_USAGE = 2;

  /** The bots of a drill are patient, as a bot with an offline buffer is: up to ~1 min. */
  static final RetryPolicy PATIENT =
      new RetryPolicy(12, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(30));

  /** The fleet runs this long before the first fault. */
  static final Duration WARM_UP = Duration.ofSeconds(20);

  /** Left free of new faults at the end of the fleet's run. */
  static final Duration QUIET_END = Duration.ofSeconds(30);

  /** How long the halt's record may take to reach every service before answers are judged. */
  static final Duration HALT_PROPAGATION = Duration.ofSeconds(2);

  /** Who counts in a community statistic how often a day: the learner's default. */
  static final int COMMUNITY_CAP_PER_DAY = 25;

  static final String LEARNER_GROUP = "hivemind-learner";

  /** Whom the rolling restart's load is recorded under (it asks with the admin key). */
  static final String ROLLING_LOAD_USER = "rolling-load";

  /** The second query instance of a rolling restart listens this far above the first. */
  static final int SECOND_QUERY_PORT_OFFSET = 10;

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  ChaosMain(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(
        new ChaosMain(System.out, System.err, Clock.systemUTC()).run(args, System.getenv()));
  }

  int run(String[] args, Map<String, String> env) {
    ChaosOptions options;
    try {
      options = ChaosOptions.parse(args, env, clock.instant());
    } catch (UsageException e) {
      err.println("chaos: " + e.getMessage());
      err.println();
      err.print(ChaosOptions.USAGE);
      return EXIT_USAGE;
    }
    if (options.help()) {
      out.print(ChaosOptions.USAGE);
      return EXIT_HELD;
    }
    try {
      return options.verifyOnly()
          ? verify(options, Stack.fromEnvironment())
          : drill(options, Stack.fromEnvironment());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("chaos: interrupted");
      return EXIT_BROKEN;
    } catch (IOException | RuntimeException e) {
      err.println("chaos: " + e);
      return EXIT_BROKEN;
    }
  }

  private int drill(ChaosOptions options, Stack stack) throws IOException, InterruptedException {
    Path dir =
        stack
            .home()
            .resolve("chaos")
            .resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(clock.instant()));
    Files.createDirectories(dir);
    AnswerLog answers = new AnswerLog();
    Acknowledged acknowledged = new Acknowledged();
    FleetObserver observer =
        new FleetObserver() {
          @Override
          public AttemptLog attemptsOf(SimulatedUser user) {
            return answers.of(user.userId());
          }

          @Override
          public BotTransport around(SimulatedUser user, BotTransport transport) {
            return acknowledged.around(user.userId(), transport);
          }
        };
    LiveDemo fleet = new LiveDemo(options.fleet(), out, err, clock, observer, PATIENT, false);
    Optional<String> problem = fleet.stackProblem();
    if (problem.isEmpty()) {
      problem = fleet.provisionKeys();
    }
    if (problem.isPresent()) {
      err.println("chaos: " + problem.get());
      err.println("chaos: start the stack first: ./hivemind up (or up --brokers 3)");
      return EXIT_BROKEN;
    }
    String admin = Files.readString(stack.home().resolve("admin.key")).trim();
    String halted = Fleet.users(options.fleet().seed(), options.fleet().bots()).get(0).userId();
    if (!trading(
        stack,
        admin,
        halted,
        "HALTED",
        "chaos drill: this user stays halted through every fault")) {
      return EXIT_BROKEN;
    }
    long haltedFrom = clock.millis() + HALT_PROPAGATION.toMillis();
    out.printf(
        "chaos: user %s halted for the drill; faults: %s; launcher output in %s%n",
        halted, options.faults(), dir.resolve("launcher.log"));

    Map<String, URI> readiness = new LinkedHashMap<>();
    readiness.put("ingest-gateway", URI.create(stack.gateway() + "/q/health/ready"));
    readiness.put("confidence-query", URI.create(stack.query() + "/q/health/ready"));
    readiness.put("learner-streams", URI.create(stack.learner() + "/q/health/ready"));
    Instant started = clock.instant();
    List<FaultWindow> windows;
    Instant fleetEnded;
    try (StackControl control =
        new StackControl(
            stack.root(),
            stack.home(),
            dir.resolve("launcher.log"),
            readiness,
            stack.kafka(),
            LEARNER_GROUP)) {
      List<String> asked =
          Fleet.users(options.fleet().seed(), options.fleet().bots()).stream()
              .map(SimulatedUser::userId)
              .toList();
      URI query = URI.create(stack.query());
      FaultRunner faults =
          new FaultRunner(
              control,
              clock,
              out,
              options.recovery(),
              new FaultRunner.QueryRoll(
                  query,
                  query.getPort() + SECOND_QUERY_PORT_OFFSET,
                  "Bearer " + admin,
                  asked,
                  answers.of(ROLLING_LOAD_USER)));
      Duration room = options.fleet().duration().minus(WARM_UP).minus(QUIET_END);
      Duration spacing =
          room.isNegative() ? Duration.ZERO : room.dividedBy(Math.max(1, options.faults().size()));
      AtomicBoolean stopped = new AtomicBoolean();
      AtomicReference<List<FaultWindow>> done = new AtomicReference<>(List.of());
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread injector =
          new Thread(
              () -> {
                try {
                  done.set(
                      faults.run(options.faults(), started.plus(WARM_UP), spacing, stopped::get));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                  failed.set(e);
                }
              },
              "chaos-faults");
      injector.start();
      fleet.run();
      fleetEnded = clock.instant();
      if (injector.isAlive()) {
        out.println("chaos: the fleet is done; waiting for the last fault to be over");
      }
      injector.join();
      Instant faultsOver = clock.instant();
      if (failed.get() != null) {
        err.println("chaos: the fault schedule failed: " + failed.get());
      }
      windows = done.get();
      long unloaded = windows.stream().filter(w -> w.injected().isAfter(fleetEnded)).count();
      trading(stack, admin, halted, "ACTIVE", "chaos drill over");
      long haltedUntil = clock.millis();
      List<Check> checks = new ArrayList<>();
      checks.add(awaitCaughtUp(control, options.settle(), faultsOver));
      LogSnapshot log =
          new LogReader(stack.kafka(), stack.registryApi(), Duration.ofMinutes(2)).read();
      List<Answer> all = answers.answers();
      checks.addAll(
          Invariants.check(
              log,
              Expectation.of(log, COMMUNITY_CAP_PER_DAY),
              acknowledged.signals(),
              acknowledged.outcomes(),
              all,
              new Halt(halted, haltedFrom, haltedUntil)));
      return verdict(
          checks,
          "## Faults\n\n"
              + ChaosReport.faults(FaultCost.of(windows, all, faultsOver))
              + (unloaded == 0
                  ? ""
                  : String.format(
                      "%n%d fault(s) came after the fleet had stopped: only the rolling"
                          + " restart's own load saw them. A longer --duration (about 70 s a"
                          + " fault here) drills every fault under the fleet.%n",
                      unloaded))
              + ChaosReport.rolling(all),
          Optional.of(dir.resolve("report.md")));
    }
  }

  /** The oracle alone, once learning caught up with what is on the log now. */
  private int verify(ChaosOptions options, Stack stack) throws IOException, InterruptedException {
    try (StackControl control =
        new StackControl(
            stack.root(),
            stack.home(),
            Path.of("/dev/null"),
            Map.of(),
            stack.kafka(),
            LEARNER_GROUP)) {
      List<Check> checks = new ArrayList<>();
      checks.add(awaitCaughtUp(control, options.settle(), clock.instant()));
      LogSnapshot log =
          new LogReader(stack.kafka(), stack.registryApi(), Duration.ofMinutes(2)).read();
      checks.addAll(Invariants.ofTheLog(log, Expectation.of(log, COMMUNITY_CAP_PER_DAY)));
      return verdict(checks, "", Optional.empty());
    }
  }

  /**
   * Waits (bounded) until the learner learned everything on the log now; the check says how long.
   */
  private Check awaitCaughtUp(StackControl control, Duration bound, Instant since)
      throws InterruptedException {
    out.printf(
        "chaos: waiting (up to %s) for the learner to learn everything written ...%n", bound);
    Map<TopicPartition, Long> ends = control.inputEnds();
    Instant deadline = clock.instant().plus(bound);
    while (clock.instant().isBefore(deadline)) {
      if (control.caughtUpWith(ends)) {
        return new Check(
            "learning catches up after the drill",
            true,
            String.format(
                "%.1f s after the fleet stopped and the last fault was over",
                Duration.between(since, clock.instant()).toMillis() / 1000.0));
      }
      Thread.sleep(1000); // polling the learner's offsets, bounded by the deadline
    }
    return new Check(
        "learning catches up after the drill",
        false,
        "the learner had not committed everything (or a transaction stayed open on its outputs) "
            + bound
            + " after the fleet stopped and the last fault was over");
  }

  /** Prints the report (and writes it to {@code file}, if any); the exit code it calls for. */
  private int verdict(List<Check> checks, String faults, Optional<Path> file) throws IOException {
    String report = faults + "\n## Invariants\n\n" + ChaosReport.invariants(checks);
    out.println();
    out.print(report);
    boolean held = checks.stream().allMatch(Check::held);
    out.printf("%nchaos: %s%n", held ? "every invariant held" : "AN INVARIANT BROKE");
    if (file.isPresent()) {
      Files.writeString(file.get(), report);
      out.println("chaos: report in " + file.get());
    }
    return held ? EXIT_HELD : EXIT_BROKEN;
  }

  /** Sets {@code user}'s trading state through the gateway with the admin key; false if refused. */
  private boolean trading(Stack stack, String admin, String user, String state, String reason)
      throws IOException, InterruptedException {
    String body = WireJson.write(Map.of("scope", "user:" + user, "state", state, "reason", reason));
    for (int attempt = 1; attempt <= 10; attempt++) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/control/trading"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Bearer " + admin)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 == 2) {
        return true;
      }
      if (answer.statusCode() != 503) {
        err.printf(
            "chaos: setting %s to %s was refused: %d %s%n",
            user, state, answer.statusCode(), answer.body());
        return false;
      }
      Thread.sleep(1000); // the gateway said 503: retry, bounded by the attempts
    }
    err.printf("chaos: setting %s to %s: the gateway kept answering 503%n", user, state);
    return false;
  }
}
