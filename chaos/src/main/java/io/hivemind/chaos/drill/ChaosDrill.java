package io.hivemind.chaos.drill;

import io.hivemind.bench.Stack;
import io.hivemind.chaos.fault.Fault;
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
import io.hivemind.simulator.demo.DemoSettings;
import io.hivemind.simulator.demo.FleetObserver;
import io.hivemind.simulator.demo.LiveDemo;
import io.hivemind.simulator.fleet.Fleet;
import io.hivemind.simulator.fleet.SimulatedUser;
import java.io.IOException;
import java.io.PrintWriter;
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
 * The fault drill behind {@code ./hivemind chaos}: the simulated fleet against the running stack
 * while faults are injected on a schedule; then, once the learner has caught up, the oracle's
 * verdict.
 *
 * <p>One simulated user is halted for the whole drill (a {@code user:} scope), so that every answer
 * to its bot, through every fault, can be held to HALTED; the halt is lifted at the end.
 */
public final class ChaosDrill {

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

  /**
   * What a drill is asked to do.
   *
   * @param faults the faults, in order
   * @param recovery how long one fault may take to be over (services ready, learning caught up)
   * @param settle how long the end of the drill waits for the learner to have learned everything
   * @param fleet the fleet that trades through the drill (live: no offline range, no events file)
   */
  public record Settings(
      List<Fault> faults, Duration recovery, Duration settle, DemoSettings fleet) {
    public Settings {
      faults = List.copyOf(faults);
    }
  }

  /**
   * The oracle's verdict.
   *
   * @param checks every invariant, held or not
   * @param costs what each fault cost the bots (empty for {@code --verify-only})
   * @param report the report in Markdown: the faults' table (if any) and the invariants'
   * @param reportFile where the report was written, if anywhere
   */
  public record Verdict(
      List<Check> checks, List<FaultCost> costs, String report, Optional<Path> reportFile) {

    public boolean held() {
      return checks.stream().allMatch(Check::held);
    }
  }

  /** The drill could not be run (the stack is not there, a halt was refused); the reason says. */
  public static final class DrillFailed extends Exception {
    public DrillFailed(String message) {
      super(message);
    }
  }

  private final Settings settings;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param out where the drill's progress goes (the fleet's, the faults')
   * @param err where its warnings go
   */
  public ChaosDrill(Settings settings, PrintWriter out, PrintWriter err, Clock clock) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** The fleet under the faults, then the oracle's verdict (written to the drill's directory). */
  public Verdict drill(Stack stack) throws IOException, InterruptedException, DrillFailed {
    return drill(settings, stack);
  }

  /** The oracle alone, once learning caught up with what is on the log now. */
  public Verdict verify(Stack stack) throws IOException, InterruptedException {
    return verify(settings, stack);
  }

  private Verdict drill(Settings options, Stack stack)
      throws IOException, InterruptedException, DrillFailed {
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
      throw new DrillFailed(
          problem.get() + "\nchaos: start the stack first: ./hivemind up (or up --brokers 3)");
    }
    String admin = Files.readString(stack.home().resolve("admin.key")).trim();
    String halted = Fleet.users(options.fleet().seed(), options.fleet().bots()).get(0).userId();
    if (!trading(
        stack,
        admin,
        halted,
        "HALTED",
        "chaos drill: this user stays halted through every fault")) {
      throw new DrillFailed("could not halt " + halted + " for the drill");
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
      List<FaultCost> costs = FaultCost.of(windows, all, faultsOver);
      return verdict(
          checks,
          costs,
          "## Faults\n\n"
              + ChaosReport.faults(costs)
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
  private Verdict verify(Settings options, Stack stack) throws IOException, InterruptedException {
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
      return verdict(checks, List.of(), "", Optional.empty());
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

  /** The verdict on {@code checks}, its report written to {@code file}, if any. */
  private static Verdict verdict(
      List<Check> checks, List<FaultCost> costs, String faults, Optional<Path> file)
      throws IOException {
    String report = faults + "\n## Invariants\n\n" + ChaosReport.invariants(checks);
    if (file.isPresent()) {
      Files.writeString(file.get(), report);
    }
    return new Verdict(List.copyOf(checks), List.copyOf(costs), report, file);
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
