package io.hivemind.simulator.world;

import io.hivemind.botapi.HeartbeatBar;
import io.hivemind.simulator.fleet.Fleet;
import io.hivemind.simulator.fleet.FleetSettings;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.market.Bar;
import io.hivemind.simulator.market.Instrument;
import io.hivemind.simulator.strategy.VwapRsiStrategy;
import io.hivemind.simulator.truth.TruthModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The simulated world: one market path per symbol (every user trading ES sees the same ES), the
 * seed strategy run over it, and the fleet's users taking their turn at each signal.
 *
 * <p>Opportunities come lazily, in non-decreasing signal time (ties: by symbol, then user index).
 * The fleet-wide walk holds one pending market signal per symbol, so a run of millions needs no
 * more memory than a run of ten; the per-user walks share each market's signals, which are few.
 * Every walk yields the same opportunities for the same settings.
 */
public final class MarketWorld {

  /** 60 minutes of each symbol at most per heartbeat: within the contract's 256 bars. */
  public static final int BARS_PER_SYMBOL = 60;

  private static final Comparator<MarketSignal> BY_TIME = Comparator.comparing(MarketSignal::time);

  private final FleetSettings settings;
  private final Fleet fleet;
  private final TruthModel truth;
  private final VwapRsiStrategy.Settings strategy;
  private final OpportunityFactory factory;
  private final Map<Instrument, List<SimulatedUser>> traders = new EnumMap<>(Instrument.class);
  private final Map<Instrument, MarketTape> tapes = new EnumMap<>(Instrument.class);
  private final Map<Instrument, MarketBars> bars = new EnumMap<>(Instrument.class);

  public MarketWorld(FleetSettings settings) {
    this(settings, VwapRsiStrategy.Settings.seed());
  }

  public MarketWorld(FleetSettings settings, VwapRsiStrategy.Settings strategy) {
    this.settings = settings;
    this.fleet = Fleet.of(settings);
    this.truth = new TruthModel(settings.seed());
    this.strategy = strategy;
    this.factory = new OpportunityFactory(settings.seed(), truth, settings.end());
    for (Instrument instrument : Instrument.values()) {
      traders.put(instrument, fleet.usersTrading(instrument.symbol()));
      tapes.put(instrument, new MarketTape(marketSignals(instrument)));
      bars.put(instrument, new MarketBars(instrument, settings.seed(), settings.start()));
    }
  }

  public FleetSettings settings() {
    return settings;
  }

  public Fleet fleet() {
    return fleet;
  }

  public TruthModel truth() {
    return truth;
  }

  /** Every user's opportunities, in signal-time order, from freshly computed markets. */
  public Iterator<Opportunity> opportunities() {
    List<Iterator<MarketSignal>> markets = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      markets.add(marketSignals(instrument));
    }
    return expand(
        new TimeOrderedMerge<>(markets, BY_TIME), signal -> traders.get(signal.instrument()));
  }

  public Stream<Opportunity> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            opportunities(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * One user's opportunities, in signal-time order: the same ones {@link #opportunities()} gives
   * that user. The markets behind them are computed once per world and shared by every user's walk,
   * so one walk per bot, each on its own thread, costs no more than one walk of the fleet.
   */
  public Iterator<Opportunity> opportunitiesOf(SimulatedUser user) {
    List<Iterator<MarketSignal>> markets = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      if (user.trades(instrument.symbol())) {
        markets.add(tapes.get(instrument).iterator());
      }
    }
    List<SimulatedUser> justThem = Collections.singletonList(user);
    return expand(new TimeOrderedMerge<>(markets, BY_TIME), signal -> justThem);
  }

  /**
   * The bars a user's heartbeats report: each of the user's symbols' closed minutes since the last
   * heartbeat, at most {@link #BARS_PER_SYMBOL} a symbol (a bot beating every minute sends one).
   */
  public BarFeed barsOf(SimulatedUser user) {
    List<Instrument> traded = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      if (user.trades(instrument.symbol())) {
        traded.add(instrument);
      }
    }
    return (after, upTo) -> {
      List<HeartbeatBar> out = new ArrayList<>();
      for (Instrument instrument : traded) {
        for (Bar bar : bars.get(instrument).closedBetween(after, upTo, BARS_PER_SYMBOL)) {
          out.add(
              new HeartbeatBar(
                  instrument.symbol(), bar.time().toString(), bar.close(), (double) bar.volume()));
        }
      }
      return out;
    };
  }

  private MarketSignals marketSignals(Instrument instrument) {
    return new MarketSignals(
        instrument, settings.seed(), settings.start(), settings.end(), strategy, truth);
  }

  private Iterator<Opportunity> expand(
      Iterator<MarketSignal> signals, Function<MarketSignal, List<SimulatedUser>> usersOf) {
    return new Iterator<>() {
      private MarketSignal current;
      private int nextUser;
      private Opportunity next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (current == null || nextUser >= usersOf.apply(current).size()) {
            if (!signals.hasNext()) {
              return false;
            }
            current = signals.next();
            nextUser = 0;
            continue;
          }
          next = factory.create(current, usersOf.apply(current).get(nextUser++)).orElse(null);
        }
        return true;
      }

      @Override
      public Opportunity next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Opportunity opportunity = next;
        next = null;
        return opportunity;
      }
    };
  }
}
