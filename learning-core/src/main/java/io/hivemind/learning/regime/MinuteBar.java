package io.hivemind.learning.regime;

import java.time.Instant;
import java.util.Objects;

/**
 * One closed minute of a symbol: the minute's start, its last price and the contracts traded in it.
 * This is all the classifier needs; the fleet reports it in heartbeats.
 */
public record MinuteBar(Instant minute, double close, double volume) {

  public MinuteBar {
    Objects.requireNonNull(minute, "minute");
    if (!(close > 0) || Double.isInfinite(close)) {
      throw new IllegalArgumentException("close must be a positive number, was " + close);
    }
    if (!(volume >= 0) || Double.isInfinite(volume)) {
      throw new IllegalArgumentException("volume must be a non-negative number, was " + volume);
    }
  }
}
