package io.hivemind.learning.confidence;

/**
 * A Beta prior for a win rate, as a mean and a strength in pseudo-trades: Beta(strength × mean,
 * strength × (1 − mean)).
 */
public record BetaPrior(double mean, double strength) {

  public BetaPrior {
    if (!(mean >= 0 && mean <= 1) || !(strength > 0) || Double.isInfinite(strength)) {
      throw new IllegalArgumentException(
          "need 0 <= mean <= 1 and a finite strength > 0, got " + mean + ", " + strength);
    }
  }

  public double alpha() {
    return strength * mean;
  }

  public double beta() {
    return strength * (1 - mean);
  }
}
