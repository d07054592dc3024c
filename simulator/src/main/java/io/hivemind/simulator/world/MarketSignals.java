package io.hivemind.simulator.world;

import io.hivemind.simulator.market.Bar;
import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.market.PricePath;
import io.hivemind.simulator.strategy.StrategySignal;
import io.hivemind.simulator.strategy.VwapRsiStrategy;
import io.hivemind.simulator.truth.TruthModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The strategy run over one market's price path, lazily: the signals whose time falls in [start,
 * end]. The path starts a day before {@code start} so the indicators and the session VWAP are warm
 * when the first signal may count.
 */
final class MarketSignals implements Iterator<MarketSignal> {

  static final Duration WARMUP = Duration.ofDays(1);

  private final Instrument instrument;
  private final PricePath path;
  private final VwapRsiStrategy strategy;
  private final TruthModel truth;
  private final Instant start;
  private final Instant end;
  private long sequence;
  private MarketSignal next;
  private boolean finished;

  MarketSignals(
      Instrument instrument,
      long seed,
      Instant start,
      Instant end,
      VwapRsiStrategy.Settings settings,
      TruthModel truth) {
    this.instrument = instrument;
    this.path = new PricePath(instrument, seed, start.minus(WARMUP));
    this.strategy = new VwapRsiStrategy(settings);
    this.truth = truth;
    this.start = start;
    this.end = end;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = advance();
      finished = next == null;
    }
    return next != null;
  }

  @Override
  public MarketSignal next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    MarketSignal signal = next;
    next = null;
    return signal;
  }

  private MarketSignal advance() {
    while (true) {
      Bar bar = path.next();
      if (bar.closeTime().isAfter(end)) {
        return null;
      }
      Optional<StrategySignal> fired = strategy.onBar(bar);
      if (fired.isEmpty() || fired.get().time().isBefore(start)) {
        continue;
      }
      MarketSignal signal = priced(fired.get());
      if (signal != null) {
        return signal;
      }
    }
  }

  /** On the tick grid; null when the target or stop rounds onto the entry (no trade to take). */
  private MarketSignal priced(StrategySignal signal) {
    double entry = instrument.roundToTick(signal.price());
    double target = instrument.roundToTick(signal.target());
    double stop = instrument.roundToTick(signal.stop());
    double tick = instrument.tickSize() / 2;
    if (Math.abs(target - entry) < tick || Math.abs(stop - entry) < tick) {
      return null;
    }
    TruthModel.Situation situation =
        truth.situation(
            instrument.symbol(), signal.side().name(), signal.time(), signal.features());
    return new MarketSignal(
        instrument, sequence++, path.regime(), signal, entry, target, stop, situation);
  }
}
