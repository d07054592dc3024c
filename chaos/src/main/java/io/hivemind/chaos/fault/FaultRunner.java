package io.hivemind.chaos.fault;

import io.hivemind.simulator.bot.AttemptLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * Injects the faults one after another, each at its slot of the schedule or, if the one before is
 * not over yet, once it is: a fault is over when every service answers ready again and the learner
 * has learned what was written before it was healed (each bounded). The pauses in here (how long a
 * fault is held, the wait for a slot) are the drill's timeline, not waits for a result; the waits
 * for a result poll and are bounded.
 */
public final class FaultRunner {

  /** The clock offset of the skewed gateway. */
  public static final Duration SKEW = Duration.ofHours(2);

  static final Duration PAUSE_HOLD = Duration.ofSeconds(20);
  static final Duration REGISTRY_HOLD = Duration.ofSeconds(30);
  static final Duration SKEW_HOLD = Duration.ofSeconds(30);

  /** How long a killed process stays dead before ./hivemind up brings it back. */
  static final Duration DEAD_FOR = Duration.ofSeconds(3);

  private static final Duration POLL = Duration.ofMillis(500);

  /** Questions a second during a rolling restart of the query instances. */
  public static final int ROLLING_LOAD = 100;

  static final Duration ROLL_SETTLE = Duration.ofSeconds(10);

  /**
   * What a rolling restart of two query instances needs: where the first one is, the port of the
   * second (started for the drill and stopped after it), a key that may read the users asked about,
   * and where the load's answers go.
   */
  public record QueryRoll(
      URI first, int secondPort, String authorization, List<String> users, AttemptLog log) {}

  private final StackControl stack;
  private final Clock clock;
  private final PrintWriter out;
  private final Duration recoveryBound;
  private final QueryRoll roll;

  /**
   * @param recoveryBound how long a fault may take to be over (ready and caught up) before the
   *     drill notes it and goes on
   */
  public FaultRunner(
      StackControl stack, Clock clock, PrintWriter out, Duration recoveryBound, QueryRoll roll) {
    this.stack = stack;
    this.clock = clock;
    this.out = out;
    this.recoveryBound = recoveryBound;
    this.roll = roll;
  }

  /**
   * Runs {@code faults}, the first at {@code first} and the next ones {@code spacing} apart (or
   * later); stops early when {@code stopped} says so.
   */
  public List<FaultWindow> run(
      List<Fault> faults, Instant first, Duration spacing, BooleanSupplier stopped)
      throws InterruptedException {
    List<FaultWindow> windows = new ArrayList<>();
    Instant slot = first;
    for (Fault fault : faults) {
      pauseUntil(slot, stopped);
      if (stopped.getAsBoolean()) {
        break;
      }
      windows.add(inject(fault));
      slot = slot.plus(spacing);
    }
    return windows;
  }

  FaultWindow inject(Fault fault) throws InterruptedException {
    Instant injected = clock.instant();
    String target;
    String note = null;
    boolean healed;
    try {
      switch (fault) {
        case PAUSE_BROKER -> {
          String node = brokerToPause();
          target = node + " (pid " + stack.signal(node, "STOP") + ")";
          say(fault, "SIGSTOP " + target + " for " + PAUSE_HOLD.toSeconds() + " s");
          pause(PAUSE_HOLD);
          stack.signal(node, "CONT");
          healed = true;
        }
        case KILL_LEARNER, KILL_QUERY, KILL_GATEWAY -> {
          String name = serviceOf(fault);
          target = name + " (pid " + stack.signal(name, "KILL") + ")";
          say(fault, "kill -9 " + target);
          pause(DEAD_FOR);
          healed = stack.launcher("start", name);
        }
        case KILL_BROKER -> {
          String node = brokerToKill();
          target = node + " (pid " + stack.signal(node, "KILL") + ")";
          say(fault, "kill -9 " + target);
          pause(DEAD_FOR);
          healed = stack.launcher("up");
        }
        case STOP_REGISTRY -> {
          target = "registry (pid " + stack.pid("registry").orElse(-1L) + ")";
          say(fault, "./hivemind stop registry for " + REGISTRY_HOLD.toSeconds() + " s");
          stack.launcher("stop", "registry");
          pause(REGISTRY_HOLD);
          healed = stack.launcher("up");
        }
        case SKEW_GATEWAY -> {
          target = "ingest-gateway, clock " + SKEW.toHours() + " h ahead";
          say(fault, "restarting " + target + " for " + SKEW_HOLD.toSeconds() + " s");
          stack.launcher("stop", "ingest-gateway");
          boolean started =
              stack.launcher(
                  "start", "ingest-gateway", "--set", "HIVEMIND_CLOCK_HOST_OFFSET=" + SKEW);
          if (!started) {
            note = "the skewed gateway did not start (see the launcher log)";
          }
          pause(SKEW_HOLD);
          stack.launcher("stop", "ingest-gateway");
          healed = stack.launcher("start", "ingest-gateway");
        }
        case ROLL_QUERY -> {
          String second = "confidence-query-" + roll.secondPort();
          target = "confidence-query and " + second + " under " + ROLLING_LOAD + " questions/s";
          say(fault, "starting " + second + ", then restarting one instance after the other");
          if (!stack.launcher(
              "start", "confidence-query", "--port", Integer.toString(roll.secondPort()))) {
            throw new IOException("the second query instance did not start");
          }
          URI secondUri =
              URI.create(
                  roll.first().getScheme()
                      + "://"
                      + roll.first().getHost()
                      + ":"
                      + roll.secondPort());
          try (QueryLoad load =
              new QueryLoad(
                  List.of(roll.first(), secondUri),
                  roll.authorization(),
                  roll.users(),
                  roll.log())) {
            load.start(ROLLING_LOAD);
            pause(ROLL_SETTLE);
            boolean first =
                stack.launcher("stop", "confidence-query")
                    && stack.launcher("start", "confidence-query");
            pause(ROLL_SETTLE);
            boolean then =
                stack.launcher("stop", second)
                    && stack.launcher(
                        "start", "confidence-query", "--port", Integer.toString(roll.secondPort()));
            pause(ROLL_SETTLE);
            healed = first && then;
          }
          stack.launcher("stop", second);
        }
        default -> throw new IllegalStateException("no drill for " + fault);
      }
    } catch (IOException e) {
      say(fault, "could not inject: " + e.getMessage());
      return new FaultWindow(fault, "-", injected, null, null, null, e.getMessage());
    }
    Instant healedAt = clock.instant();
    if (!healed) {
      note = "./hivemind up did not finish cleanly (see the launcher log)";
    }
    Instant ready = awaitReady();
    Instant caughtUp = ready == null ? null : awaitCaughtUp();
    say(
        fault,
        String.format(
            "healed after %s; ready after %s; learning caught up after %s",
            since(injected, healedAt), since(injected, ready), since(injected, caughtUp)));
    return new FaultWindow(fault, target, injected, healedAt, ready, caughtUp, note);
  }

  private String brokerToPause() {
    List<String> nodes = stack.kafkaNodes();
    return nodes.size() > 1 ? nodes.get(1) : nodes.get(0);
  }

  private String brokerToKill() {
    List<String> nodes = stack.kafkaNodes();
    return nodes.get(nodes.size() - 1);
  }

  private static String serviceOf(Fault fault) {
    return switch (fault) {
      case KILL_LEARNER -> "learner-streams";
      case KILL_QUERY -> "confidence-query";
      case KILL_GATEWAY -> "ingest-gateway";
      default -> throw new IllegalArgumentException(fault + " kills no service");
    };
  }

  private Instant awaitReady() throws InterruptedException {
    Instant deadline = clock.instant().plus(recoveryBound);
    while (clock.instant().isBefore(deadline)) {
      if (stack.notReady().isEmpty()) {
        return clock.instant();
      }
      Thread.sleep(POLL.toMillis()); // polling readiness, bounded by the deadline
    }
    return null;
  }

  private Instant awaitCaughtUp() throws InterruptedException {
    Instant deadline = clock.instant().plus(recoveryBound);
    Map<TopicPartition, Long> ends = null;
    while (clock.instant().isBefore(deadline)) {
      try {
        if (ends == null) {
          ends = stack.inputEnds();
        }
        if (stack.learnedUpTo(ends)) {
          return clock.instant();
        }
      } catch (IllegalStateException e) {
        // Kafka not answering yet: poll again
      }
      Thread.sleep(POLL.toMillis()); // polling the learner's offsets, bounded by the deadline
    }
    return null;
  }

  private void pauseUntil(Instant when, BooleanSupplier stopped) throws InterruptedException {
    while (!stopped.getAsBoolean() && clock.instant().isBefore(when)) {
      Thread.sleep(
          Math.min(POLL.toMillis(), Duration.between(clock.instant(), when).toMillis() + 1));
    }
  }

  private static void pause(Duration hold) throws InterruptedException {
    Thread.sleep(hold.toMillis()); // the fault is held this long: the drill's timeline
  }

  private void say(Fault fault, String what) {
    out.printf(
        "chaos: %s %s: %s%n", clock.instant().toString().substring(11, 19), fault.id(), what);
    out.flush();
  }

  static String since(Instant from, Instant to) {
    return to == null
        ? "—(not within the bound)"
        : String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
  }
}
