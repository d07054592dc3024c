package io.hivemind.simulator.market;

import java.time.Instant;

/** One minute of trading; {@code time} is the minute's start, so the close is known a minute on. */
public record Bar(Instant time, double open, double high, double low, double close, long volume) {

  /** When the bar's close is known: the earliest moment a strategy can act on it. */
  public Instant closeTime() {
    return time.plusSeconds(60);
  }

  /** (high + low + close) / 3: the price VWAP is accumulated on. */
  public double typicalPrice() {
    return (high + low + close) / 3;
  }
}
