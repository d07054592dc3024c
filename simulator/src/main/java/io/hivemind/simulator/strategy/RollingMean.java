package io.hivemind.simulator.strategy;

/** The mean of the last {@code window} values (the current one included). */
public final class RollingMean {

  private final double[] values;
  private double sum;
  private int count;
  private int next;

  public RollingMean(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1");
    }
    this.values = new double[window];
  }

  public void update(double value) {
    if (count == values.length) {
      sum -= values[next];
    } else {
      count++;
    }
    values[next] = value;
    sum += value;
    next = (next + 1) % values.length;
  }

  public boolean isReady() {
    return count == values.length;
  }

  /** NaN until the window is full. */
  public double value() {
    return isReady() ? sum / count : Double.NaN;
  }
}
