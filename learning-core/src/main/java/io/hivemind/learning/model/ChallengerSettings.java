package io.hivemind.learning.model;

/**
 * The challenger's learning settings (FTRL-Proximal, McMahan et al. 2013).
 *
 * @param alpha per-coordinate learning rate of the shared weights: a weight's step is {@code alpha
 *     / (beta + √Σg²)}. A trade has a dozen indicators that all step together, so this is small
 * @param userAlpha the same for a user's offset, the one coordinate of its kind in a trade
 * @param beta smooths the first steps of a weight
 * @param l1 L1 strength: weights whose accumulated gradient stays below it are exactly zero
 * @param l2 L2 strength of the shared weights, a Gaussian prior of variance {@code 1 / l2} in logit
 *     units
 * @param userL2 L2 strength of each user's offset: strong, so that an offset starts at zero and
 *     moves only as far as that user's own trades carry it
 * @param bits the shared weights' table has {@code 2^bits} slots
 */
public record ChallengerSettings(
    double alpha, double userAlpha, double beta, double l1, double l2, double userL2, int bits) {

  public ChallengerSettings {
    if (!(alpha > 0)
        || !(userAlpha > 0)
        || !(beta >= 0)
        || !(l1 >= 0)
        || !(l2 >= 0)
        || !(userL2 >= 0)) {
      throw new IllegalArgumentException("alpha must be positive, the others not negative");
    }
    if (bits < 4 || bits > 24) {
      throw new IllegalArgumentException("bits must be in [4, 24]: " + bits);
    }
  }

  /** What the challenger serves with; chosen on the simulator's world (BENCHMARKS.md, ADR 22). */
  public static ChallengerSettings defaults() {
    return new ChallengerSettings(0.02, 0.3, 1.0, 0.0, 4.0, 10.0, 18);
  }
}
