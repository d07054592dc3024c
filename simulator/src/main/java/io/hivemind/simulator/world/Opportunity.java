package io.hivemind.simulator.world;

import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.fleet.SimulatedUser;
import java.time.Instant;

/**
 * A moment when one user's bot sees its strategy fire, and what would happen if it took the trade.
 *
 * <p>The price path decides when bots enter and what they see (price, features, target, stop); the
 * hidden truth decides whether the trade wins: {@code wins} is a Bernoulli draw with probability
 * {@code trueWinProbability} from the opportunity's own seeded stream. Because every outcome is
 * drawn from a known probability, what the service learns can be scored against the truth, which a
 * price path alone (where the outcome follows from later prices) would not allow.
 *
 * @param signal the signal exactly as the bot posts it
 * @param trueWinProbability the hidden probability the trade wins
 * @param wins whether it wins if taken
 * @param outcome what the bot reports if it takes the trade: exit at the target ("TARGET") on a
 *     win, at the stop ("STOP") on a loss, a few to 60 minutes after entry
 * @param pattern the L2 pattern the server buckets the signal into
 */
public record Opportunity(
    SimulatedUser user,
    SignalRequest signal,
    double trueWinProbability,
    boolean wins,
    OutcomeRequest outcome,
    String pattern) {

  public Instant signalTime() {
    return Instant.parse(signal.timestamp());
  }

  public Instant exitTime() {
    return Instant.parse(outcome.exitTime());
  }
}
