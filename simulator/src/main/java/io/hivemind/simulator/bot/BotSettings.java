package io.hivemind.simulator.bot;

import java.time.Duration;
import java.time.Instant;

/**
 * How every bot of a run behaves.
 *
 * @param start simulated time of the first heartbeat
 * @param end simulated time after which a bot does nothing more
 * @param heartbeatInterval simulated time between heartbeats (the real interval times the speed)
 * @param explore share of below-threshold opportunities taken anyway
 * @param askBeforeEntry false offline: no service to ask, every opportunity is taken
 * @param botVersion what the heartbeat says the bot is
 */
public record BotSettings(
    Instant start,
    Instant end,
    Duration heartbeatInterval,
    double explore,
    boolean askBeforeEntry,
    String botVersion) {

  public static final String BOT_VERSION = "hivemind-simulator-0.1";

  public BotSettings {
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeatInterval must be positive");
    }
  }
}
