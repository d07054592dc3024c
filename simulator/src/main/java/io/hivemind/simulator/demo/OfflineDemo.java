package io.hivemind.simulator.demo;

import io.hivemind.simulator.bot.BotSettings;
import io.hivemind.simulator.bot.BotTransport;
import io.hivemind.simulator.bot.LoggingTransport;
import io.hivemind.simulator.bot.OfflineFleetRun;
import io.hivemind.simulator.bot.OfflineTransport;
import io.hivemind.simulator.bot.StopSignal;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.score.DivergenceGrid;
import io.hivemind.simulator.score.FleetScores;
import io.hivemind.simulator.world.MarketWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * {@code --offline}: the fleet without HTTP or a clock, every opportunity taken, every event
 * written to the events file; then the summary and the truths the divergence table would be scored
 * against.
 */
public final class OfflineDemo {

  private final DemoSettings options;
  private final PrintWriter out;

  public OfflineDemo(DemoSettings options, PrintWriter out) {
    this.options = options;
    this.out = out;
  }

  public void run(Instant now) throws IOException {
    Instant from = options.offlineFrom(now);
    Instant to = options.offlineTo(now);
    MarketWorld world = new MarketWorld(options.fleetSettings(from, to));
    FleetScores scores = FleetScores.create();
    BotSettings bots =
        new BotSettings(
            from,
            to,
            options.simulatedHeartbeat(),
            options.explore(),
            false,
            BotSettings.BOT_VERSION);
    long started = System.nanoTime();
    try (EventFile events = EventFile.open(options.eventsOut())) {
      Function<SimulatedUser, BotTransport> transports =
          user -> new LoggingTransport(new OfflineTransport(), events.log());
      new OfflineFleetRun(world, bots, transports, scores).run(new StopSignal());
    }
    RunSummary.print(
        out,
        "OFFLINE",
        options.bots(),
        options.seed(),
        from,
        to,
        Duration.ofNanos(System.nanoTime() - started),
        scores,
        0);
    if (options.eventsOut() != null) {
      out.println("  events written to  " + options.eventsOut());
    }
    DivergenceGrid.choose(
            scores.patterns(),
            world.fleet(),
            world.truth(),
            DemoSettings.GRID_USERS,
            DemoSettings.GRID_PATTERNS)
        .ifPresent(grid -> DivergenceReport.print(out, grid, world.truth(), null));
  }
}
