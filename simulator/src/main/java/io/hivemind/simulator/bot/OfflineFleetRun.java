package io.hivemind.simulator.bot;

import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.score.FleetScores;
import io.hivemind.simulator.world.MarketWorld;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Runs the fleet without a clock or threads: the same bots, stepped one action at a time in
 * simulated-time order (ties by user index), as fast as they go. The order of everything they send
 * is therefore a function of the seed and settings alone.
 */
public final class OfflineFleetRun {

  private record Due(Instant at, int index, SimulatedBot bot) {}

  private final PriorityQueue<Due> schedule =
      new PriorityQueue<>(Comparator.comparing(Due::at).thenComparingInt(Due::index));

  public OfflineFleetRun(
      MarketWorld world,
      BotSettings settings,
      Function<SimulatedUser, BotTransport> transports,
      FleetScores scores) {
    for (SimulatedUser user : world.fleet().users()) {
      enqueue(
          new SimulatedBot(
              user,
              world.opportunitiesOf(user),
              settings,
              transports.apply(user),
              Timeline.SIMULATED_ONLY,
              scores,
              world.barsOf(user)));
    }
  }

  /** Runs every bot to the end of the simulated range, or until stopped. */
  public void run(StopSignal stop) {
    while (!schedule.isEmpty() && !stop.isStopped()) {
      SimulatedBot bot = schedule.poll().bot();
      bot.runNext();
      enqueue(bot);
    }
  }

  private void enqueue(SimulatedBot bot) {
    bot.nextDue().ifPresent(at -> schedule.add(new Due(at, bot.user().index(), bot)));
  }
}
