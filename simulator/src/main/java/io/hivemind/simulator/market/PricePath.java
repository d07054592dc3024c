package io.hivemind.simulator.market;

import io.hivemind.learning.pattern.TradingSession;
import io.hivemind.simulator.random.Seeds;
import java.time.Instant;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * An endless, deterministic series of one-minute bars for one instrument, starting at the first
 * trading minute at or after {@code from}. Closed minutes (weekends, the daily pause) are skipped.
 *
 * <p>The log price moves by a regime-dependent drift, a pull toward a slow anchor (the moving
 * average of the last hour or so: what makes a market revert to its VWAP) and Gaussian noise scaled
 * by the instrument's volatility, the regime and the time of day. Volume follows the same intraday
 * profile and rises with the size of the move. Same instrument, seed and start: same bars.
 */
public final class PricePath implements Iterator<Bar> {

  private static final double ANCHOR_MINUTES = 60;
  private static final double WICK = 0.6;
  private static final double VOLUME_NOISE = 0.35;

  private final Instrument instrument;
  private final SplittableRandom random;
  private Instant cursor;
  private double logPrice;
  private double anchor;
  private double close;
  private Regime regime;
  private int trendDirection;

  public PricePath(Instrument instrument, long seed, Instant from) {
    this.instrument = instrument;
    this.random = Seeds.random(seed, "price-path/" + instrument.symbol());
    this.cursor = from;
    this.logPrice = Math.log(instrument.startPrice());
    this.anchor = logPrice;
    this.close = instrument.roundToTick(instrument.startPrice());
    Regime[] regimes = Regime.values();
    this.regime = regimes[random.nextInt(regimes.length)];
    this.trendDirection = random.nextBoolean() ? 1 : -1;
  }

  public Instrument instrument() {
    return instrument;
  }

  /** The regime the last bar returned by {@link #next()} was made in. */
  public Regime regime() {
    return regime;
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public Bar next() {
    Instant minute = ExchangeCalendar.nextOpenMinute(cursor);
    cursor = minute.plusSeconds(60);
    Regime previous = regime;
    regime = regime.next(random);
    if (regime == Regime.TRENDING && previous != Regime.TRENDING) {
      trendDirection = random.nextBoolean() ? 1 : -1;
    }
    TradingSession session =
        TradingSession.at(minute.atZone(ExchangeCalendar.EXCHANGE_ZONE).toLocalTime());
    double sigma = instrument.minuteVolatility() * volatilityOf(session) * regime.volatility();
    double shock = random.nextGaussian();
    double step =
        trendDirection * regime.drift() * sigma
            + regime.reversion() * (anchor - logPrice)
            + sigma * shock;
    logPrice += step;
    anchor += (logPrice - anchor) / ANCHOR_MINUTES;

    double open = close;
    close = instrument.roundToTick(Math.exp(logPrice));
    double wickUp = Math.abs(random.nextGaussian()) * WICK * sigma * close;
    double wickDown = Math.abs(random.nextGaussian()) * WICK * sigma * close;
    double high = instrument.roundToTick(Math.max(open, close) + wickUp);
    double low = instrument.roundToTick(Math.min(open, close) - wickDown);
    double noise = Math.exp(VOLUME_NOISE * random.nextGaussian() - VOLUME_NOISE * VOLUME_NOISE / 2);
    long volume =
        Math.max(
            1,
            Math.round(
                instrument.minuteVolume()
                    * volumeOf(session)
                    * regime.volume()
                    * noise
                    * (0.6 + 0.4 * Math.abs(shock))));
    return new Bar(minute, open, high, low, close, volume);
  }

  /** The US cash open is the most active part of the day, the Asian night the quietest. */
  private static double volatilityOf(TradingSession session) {
    return switch (session) {
      case ASIA -> 0.55;
      case LONDON -> 0.85;
      case OPEN -> 1.5;
      case MID -> 1.0;
      case CLOSE -> 1.15;
      case AFTER -> 0.7;
    };
  }

  private static double volumeOf(TradingSession session) {
    return switch (session) {
      case ASIA -> 0.25;
      case LONDON -> 0.5;
      case OPEN -> 2.0;
      case MID -> 1.0;
      case CLOSE -> 1.4;
      case AFTER -> 0.5;
    };
  }
}
