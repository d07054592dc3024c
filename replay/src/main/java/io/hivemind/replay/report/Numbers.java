package io.hivemind.replay.report;

/** Figures as the report prints them: six decimals, the same on every run. */
public final class Numbers {

  private Numbers() {}

  public static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
