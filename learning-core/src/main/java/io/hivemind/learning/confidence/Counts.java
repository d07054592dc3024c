package io.hivemind.learning.confidence;

/** Evidence at one pattern: (possibly time-decayed) wins out of trades. */
public record Counts(double wins, double trades) {

  public static final Counts NONE = new Counts(0, 0);

  public Counts {
    if (!(trades >= 0) || !(wins >= 0) || wins > trades + 1e-9) {
      throw new IllegalArgumentException("need 0 <= wins <= trades, got " + wins + "/" + trades);
    }
  }

  double losses() {
    return Math.max(0, trades - wins);
  }
}
