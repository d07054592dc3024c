package io.hivemind.simulator.world;

import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.market.Regime;
import io.hivemind.simulator.strategy.StrategySignal;
import io.hivemind.simulator.truth.TruthModel;
import java.time.Instant;

/**
 * The strategy firing on one market, the same for every user who trades it: prices on the tick grid
 * and the truth's view of the situation, computed once rather than once per user.
 *
 * @param sequence the signal's number on its market, counted from the start of the path
 */
record MarketSignal(
    Instrument instrument,
    long sequence,
    Regime regime,
    StrategySignal signal,
    double entry,
    double target,
    double stop,
    TruthModel.Situation situation) {

  Instant time() {
    return signal.time();
  }
}
