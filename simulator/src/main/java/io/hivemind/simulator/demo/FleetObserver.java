package io.hivemind.simulator.demo;

import io.hivemind.simulator.bot.AttemptLog;
import io.hivemind.simulator.bot.BotTransport;
import io.hivemind.simulator.fleet.SimulatedUser;

/**
 * What a caller of the live fleet puts around each bot: a fault drill ({@code ./hivemind chaos})
 * hears of every HTTP attempt and of every event the service acknowledged. The demo adds nothing.
 */
public interface FleetObserver {

  FleetObserver NONE =
      new FleetObserver() {
        @Override
        public AttemptLog attemptsOf(SimulatedUser user) {
          return AttemptLog.NONE;
        }

        @Override
        public BotTransport around(SimulatedUser user, BotTransport transport) {
          return transport;
        }
      };

  /** Where {@code user}'s bot reports each attempt. */
  AttemptLog attemptsOf(SimulatedUser user);

  /** {@code user}'s transport as the bot gets it. */
  BotTransport around(SimulatedUser user, BotTransport transport);
}
