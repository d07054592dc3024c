package io.hivemind.simulator.strategy;

import io.hivemind.simulator.market.Bar;
import io.hivemind.simulator.market.ExchangeCalendar;
import java.time.Instant;

/**
 * The volume-weighted average price since the session opened (18:00 exchange time), and the
 * volume-weighted standard deviation of price around it, both on each bar's typical price. A bar of
 * a new session starts the sums again.
 *
 * <p>Prices are summed relative to the session's first price: futures prices squared are large
 * enough that {@code E[p²] − E[p]²} would otherwise lose the variance to rounding.
 */
public final class SessionVwap {

  private Instant session;
  private double reference;
  private double volume;
  private double weightedPrice;
  private double weightedSquare;
  private int bars;

  /** Adds a bar; returns whether it opened a new session. */
  public boolean update(Bar bar) {
    Instant barSession = ExchangeCalendar.sessionStart(bar.time());
    boolean fresh = !barSession.equals(session);
    if (fresh) {
      session = barSession;
      reference = bar.typicalPrice();
      volume = 0;
      weightedPrice = 0;
      weightedSquare = 0;
      bars = 0;
    }
    double price = bar.typicalPrice() - reference;
    volume += bar.volume();
    weightedPrice += bar.volume() * price;
    weightedSquare += bar.volume() * price * price;
    bars++;
    return fresh;
  }

  /** Bars seen in the current session. */
  public int bars() {
    return bars;
  }

  public double vwap() {
    return volume == 0 ? Double.NaN : reference + weightedPrice / volume;
  }

  /** The volume-weighted standard deviation of the typical price around the VWAP. */
  public double std() {
    if (volume == 0) {
      return Double.NaN;
    }
    double mean = weightedPrice / volume;
    return Math.sqrt(Math.max(0, weightedSquare / volume - mean * mean));
  }

  /** How many standard deviations {@code price} is from the VWAP; NaN while std is zero. */
  public double zScore(double price) {
    double std = std();
    return std > 0 ? (price - vwap()) / std : Double.NaN;
  }
}
