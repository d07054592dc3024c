package io.hivemind.learning.confidence;

import java.util.List;

/**
 * How strongly each step of {@link ConfidenceEstimator} shrinks, in pseudo-trades.
 *
 * @param rootMean where the community's L0 starts: 50 % when fixed, the pooled rate of every L0
 *     group when fitted
 * @param levelStrengths index = level: the strength of level {@code ℓ}'s prior (L0 toward {@code
 *     rootMean}, deeper levels toward the estimate of the level above); the last one serves deeper
 *     levels too
 * @param skillStrength the user's L0 rate shrunk toward the community's L0 (the skill offset)
 * @param userStrength the most the community's estimate may weigh against the user's own trades at
 *     the deepest pattern
 */
public record ShrinkagePriors(
    double rootMean, List<Double> levelStrengths, double skillStrength, double userStrength) {

  public ShrinkagePriors {
    if (!(rootMean > 0 && rootMean < 1)) {
      throw new IllegalArgumentException("rootMean must be in (0, 1), was " + rootMean);
    }
    levelStrengths = List.copyOf(levelStrengths);
    if (levelStrengths.isEmpty() || levelStrengths.stream().anyMatch(s -> !(s > 0))) {
      throw new IllegalArgumentException("need at least one level strength, each > 0");
    }
    if (!(skillStrength > 0) || !(userStrength > 0)) {
      throw new IllegalArgumentException("skillStrength and userStrength must be > 0");
    }
  }

  /** The same {@code levelStrength} at every level and for the skill, from an uninformed 50 %. */
  public static ShrinkagePriors fixed(double levelStrength, double maxUserPriorStrength) {
    return new ShrinkagePriors(0.5, List.of(levelStrength), levelStrength, maxUserPriorStrength);
  }

  /**
   * Priors fitted from the data, one per level (index = level, see {@link EmpiricalPrior}): L0's
   * mean is where the chain starts, each level's strength how far its groups spread.
   */
  public static ShrinkagePriors fitted(
      List<BetaPrior> levels, double skillStrength, double userStrength) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("need the prior of L0 at least");
    }
    return new ShrinkagePriors(
        Math.min(0.99, Math.max(0.01, levels.get(0).mean())),
        levels.stream().map(BetaPrior::strength).toList(),
        skillStrength,
        userStrength);
  }

  double strength(int level) {
    return levelStrengths.get(Math.min(level, levelStrengths.size() - 1));
  }
}
