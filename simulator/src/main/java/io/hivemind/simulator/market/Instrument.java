package io.hivemind.simulator.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The CME futures the simulated bots trade. Volatility is the typical standard deviation of one
 * minute's log return in the middle of the US day; volume is a typical one-minute volume then.
 */
public enum Instrument {
  ES(5900.00, 0.25, 50, 0.00030, 1500),
  NQ(20800.00, 0.25, 20, 0.00040, 600),
  CL(70.00, 0.01, 1000, 0.00050, 800),
  GC(2650.0, 0.10, 100, 0.00030, 400),
  YM(43500, 1.00, 5, 0.00028, 150),
  RTY(2350.0, 0.10, 50, 0.00045, 200);

  private final double startPrice;
  private final double tickSize;
  private final double pointValue;
  private final double minuteVolatility;
  private final int minuteVolume;
  private final int decimals;

  Instrument(
      double startPrice,
      double tickSize,
      double pointValue,
      double minuteVolatility,
      int minuteVolume) {
    this.startPrice = startPrice;
    this.tickSize = tickSize;
    this.pointValue = pointValue;
    this.minuteVolatility = minuteVolatility;
    this.minuteVolume = minuteVolume;
    this.decimals = BigDecimal.valueOf(tickSize).stripTrailingZeros().scale();
  }

  public static List<Instrument> all() {
    return Arrays.asList(values());
  }

  public static Instrument bySymbol(String symbol) {
    return valueOf(symbol);
  }

  public String symbol() {
    return name();
  }

  public double startPrice() {
    return startPrice;
  }

  public double tickSize() {
    return tickSize;
  }

  /** Dollars per point per contract. */
  public double pointValue() {
    return pointValue;
  }

  public double minuteVolatility() {
    return minuteVolatility;
  }

  public int minuteVolume() {
    return minuteVolume;
  }

  /** The price on the tick grid nearest to {@code price}, free of binary noise. */
  public double roundToTick(double price) {
    long ticks = Math.round(price / tickSize);
    return BigDecimal.valueOf(ticks)
        .multiply(BigDecimal.valueOf(tickSize))
        .setScale(decimals, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
