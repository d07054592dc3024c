package io.hivemind.simulator.bot;

import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.score.FleetScores;
import io.hivemind.simulator.world.MarketWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the fleet live: every bot steps through its simulated time, each step scheduled for the real
 * moment the {@link SimulatedClock} maps its due time to. Waiting for that moment is the
 * simulation's pacing, not a test's wait. A bot's next step is scheduled only when its current one
 * is done, so each bot runs one step at a time while bots run concurrently on a bounded pool (one
 * thread per bot up to {@value #MAX_THREADS} bots).
 *
 * <p>{@link #shutdown} stops cleanly: no new steps, the steps in flight finish their current
 * request (bounded by its timeout; retries give up at once), then the pool ends.
 */
public final class FleetRunner {

  public static final int MAX_THREADS = 256;

  private final SimulatedClock clock;
  private final FleetScores scores;
  private final StopSignal stop;
  private final List<SimulatedBot> bots = new ArrayList<>();
  private final ScheduledThreadPoolExecutor pool;
  private final CountDownLatch finished;

  public FleetRunner(
      MarketWorld world,
      BotSettings settings,
      SimulatedClock clock,
      Function<SimulatedUser, BotTransport> transports,
      FleetScores scores,
      StopSignal stop) {
    this.clock = clock;
    this.scores = scores;
    this.stop = stop;
    for (SimulatedUser user : world.fleet().users()) {
      bots.add(
          new SimulatedBot(
              user,
              world.opportunitiesOf(user),
              settings,
              transports.apply(user),
              clock,
              scores,
              world.barsOf(user)));
    }
    this.pool =
        new ScheduledThreadPoolExecutor(Math.min(bots.size(), MAX_THREADS), threadsNamed("bot-"));
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    pool.setRemoveOnCancelPolicy(true);
    this.finished = new CountDownLatch(bots.size());
  }

  public void start() {
    for (SimulatedBot bot : bots) {
      scheduleNext(bot);
    }
  }

  /** Waits until every bot has done everything its simulated range holds; false on timeout. */
  public boolean awaitFinished(Duration max) throws InterruptedException {
    return finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isFinished() {
    return finished.getCount() == 0;
  }

  /**
   * Stops the fleet and waits up to {@code grace} for the steps in flight; returns whether they all
   * ended in time (if not, they are interrupted).
   */
  public boolean shutdown(Duration grace) throws InterruptedException {
    stop.stop();
    pool.shutdown();
    if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    pool.shutdownNow();
    return false;
  }

  /**
   * After {@link #shutdown}: every bot's last heartbeat says it stopped on purpose ({@link
   * SimulatedBot#signOff}), stamped {@code now}; one attempt each.
   */
  public void signOff(Instant now) {
    for (SimulatedBot bot : bots) {
      try {
        bot.signOff(now);
      } catch (RuntimeException e) {
        scores.tally().error();
      }
    }
  }

  /** Trades entered and not yet closed, across the fleet. */
  public int openPositions() {
    int open = 0;
    for (SimulatedBot bot : bots) {
      open += bot.openPositions();
    }
    return open;
  }

  private void scheduleNext(SimulatedBot bot) {
    Optional<Instant> due = bot.nextDue();
    if (due.isEmpty() || stop.isStopped()) {
      finished.countDown();
      return;
    }
    long delay = Math.max(0, clock.untilDue(due.get()).toMillis());
    try {
      pool.schedule(() -> step(bot), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      finished.countDown();
    }
  }

  private void step(SimulatedBot bot) {
    if (stop.isStopped()) {
      finished.countDown();
      return;
    }
    try {
      bot.runNext();
    } catch (RuntimeException e) {
      // one bad step must not silence a bot for the rest of the run
      scores.tally().error();
    }
    scheduleNext(bot);
  }

  private static ThreadFactory threadsNamed(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
