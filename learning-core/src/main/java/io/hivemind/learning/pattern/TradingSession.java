package io.hivemind.learning.pattern;

import java.time.LocalTime;

/**
 * Part of the trading day, in exchange time (America/New_York for the CME equity and energy futures
 * the bots trade). Each session starts at its {@code start} and runs until the next one.
 */
public enum TradingSession {
  ASIA(LocalTime.of(18, 0)),
  LONDON(LocalTime.of(3, 0)),
  OPEN(LocalTime.of(9, 30)),
  MID(LocalTime.of(11, 0)),
  CLOSE(LocalTime.of(14, 0)),
  AFTER(LocalTime.of(16, 0));

  private final LocalTime start;

  TradingSession(LocalTime start) {
    this.start = start;
  }

  public static TradingSession at(LocalTime exchangeTime) {
    if (exchangeTime.isBefore(LONDON.start) || !exchangeTime.isBefore(ASIA.start)) {
      return ASIA;
    }
    if (exchangeTime.isBefore(OPEN.start)) {
      return LONDON;
    }
    if (exchangeTime.isBefore(MID.start)) {
      return OPEN;
    }
    if (exchangeTime.isBefore(CLOSE.start)) {
      return MID;
    }
    return exchangeTime.isBefore(AFTER.start) ? CLOSE : AFTER;
  }

  /** The name used inside pattern strings. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
