package io.hivemind.simulator.world;

import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.random.Seeds;
import io.hivemind.simulator.strategy.TradeSide;
import io.hivemind.simulator.truth.TruthModel;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Turns one market signal into one user's opportunity. Everything user-specific (the signal id,
 * whether it wins, how long it lasts, how many contracts) comes from a stream seeded by (world
 * seed, market, signal number, user index): independent of every other user and of the order the
 * fleet is walked in.
 */
final class OpportunityFactory {

  static final String STRATEGY = "vwap_rsi";
  static final String TARGET = "TARGET";
  static final String STOP = "STOP";
  static final int MIN_HOLD_MINUTES = 3;
  static final int MAX_HOLD_MINUTES = 60;
  static final int MAX_CONTRACTS = 3;

  private final long seed;
  private final TruthModel truth;
  private final Instant end;

  OpportunityFactory(long seed, TruthModel truth, Instant end) {
    this.seed = seed;
    this.truth = truth;
    this.end = end;
  }

  /**
   * Empty when the trade would still be open at the end of the simulation: every trade a bot takes
   * is then complete, with its outcome due inside the simulated range.
   */
  Optional<Opportunity> create(MarketSignal market, SimulatedUser user) {
    SplittableRandom random =
        new SplittableRandom(
            Seeds.mix(seed, market.instrument().ordinal(), market.sequence(), user.index()));
    String signalId = uuid(random).toString();
    double probability = truth.probability(user, market.situation(), market.regime());
    boolean wins = random.nextDouble() < probability;
    int holdMinutes = MIN_HOLD_MINUTES + random.nextInt(MAX_HOLD_MINUTES - MIN_HOLD_MINUTES + 1);
    int contracts = 1 + random.nextInt(MAX_CONTRACTS);
    Instant entryTime = market.time();
    Instant exitTime = entryTime.plusSeconds(60L * holdMinutes);
    if (exitTime.isAfter(end)) {
      return Optional.empty();
    }
    String symbol = market.instrument().symbol();
    String side = market.signal().side().name();
    double exit = wins ? market.target() : market.stop();
    double direction = market.signal().side() == TradeSide.LONG ? 1 : -1;
    double pnl =
        cents((exit - market.entry()) * direction * market.instrument().pointValue() * contracts);
    SignalRequest signal =
        new SignalRequest(
            signalId,
            user.userId(),
            symbol,
            side,
            market.entry(),
            entryTime.toString(),
            STRATEGY,
            market.signal().features());
    OutcomeRequest outcome =
        new OutcomeRequest(
            signalId,
            user.userId(),
            symbol,
            side,
            market.entry(),
            exit,
            entryTime.toString(),
            exitTime.toString(),
            contracts,
            pnl,
            wins ? TARGET : STOP);
    return Optional.of(
        new Opportunity(user, signal, probability, wins, outcome, market.situation().pattern()));
  }

  /** A version-4 UUID from the seeded stream: random-looking, yet the same on every run. */
  private static UUID uuid(SplittableRandom random) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  private static double cents(double dollars) {
    return Math.round(dollars * 100) / 100.0;
  }
}
