package io.hivemind.learning.confidence;

import java.util.List;

/**
 * Hierarchical Bayesian shrinkage, evaluated from counts at query time.
 *
 * <ol>
 *   <li>Community: L0 is shrunk toward an uninformed 50 %, each deeper level toward the level
 *       above, each with {@code levelPriorStrength} pseudo-trades.
 *   <li>User skill: the user's L0 rate shrunk toward the community's L0; its log-odds difference
 *       from the community is the user's skill offset.
 *   <li>User answer: the community's deepest estimate shifted by the skill offset is the prior
 *       mean; its weight grows with the community's evidence at that pattern, up to {@code
 *       maxUserPriorStrength}; the user's own trades at that pattern update it.
 * </ol>
 *
 * With no data the answer is the community's; with many user trades it approaches the user's own
 * rate; more evidence on either side narrows the interval. A private user's chain runs on the
 * user's own levels only, starting from 50 %.
 *
 * <p>The strengths and the 50 % start above are this estimator's fixed priors ({@link
 * #fixedPriors()}); {@link #estimate(Evidence, ShrinkagePriors)} takes others, for example fitted
 * from the data by {@link EmpiricalPrior}: the community's chain then starts at the fitted L0 mean
 * and shrinks each level with its fitted strength.
 */
public final class ConfidenceEstimator {

  private static final double MIN_PARAMETER = 1e-3;
  private static final double EPSILON = 1e-6;
  private static final double PRIOR_MEAN_MARGIN = 0.01;

  private final double credibleLevel;
  private final ShrinkagePriors fixed;

  public ConfidenceEstimator(
      double levelPriorStrength, double maxUserPriorStrength, double credibleLevel) {
    if (levelPriorStrength <= 0 || maxUserPriorStrength < levelPriorStrength) {
      throw new IllegalArgumentException("need 0 < levelPriorStrength <= maxUserPriorStrength");
    }
    if (!(credibleLevel > 0 && credibleLevel < 1)) {
      throw new IllegalArgumentException("credibleLevel must be in (0, 1)");
    }
    this.credibleLevel = credibleLevel;
    this.fixed = ShrinkagePriors.fixed(levelPriorStrength, maxUserPriorStrength);
  }

  public static ConfidenceEstimator defaults() {
    return new ConfidenceEstimator(10, 100, 0.9);
  }

  /** The estimate with this estimator's fixed priors. */
  public Confidence estimate(Evidence evidence) {
    return estimate(evidence, fixedPriors());
  }

  /**
   * The estimate with {@code priors} for the community's chain and the user's steps, for example
   * priors fitted from the data ({@link EmpiricalPrior}). A private user's chain keeps this
   * estimator's fixed priors: priors fitted from the community would carry the community's rates
   * into an answer that must draw nothing from it.
   */
  public Confidence estimate(Evidence evidence, ShrinkagePriors priors) {
    int deepest = evidence.deepestLevel();
    return evidence.privateUser()
        ? posterior(
            evidence.user().get(deepest),
            chain(evidence.user(), deepest, fixed),
            fixed.strength(deepest))
        : shared(evidence, deepest, priors);
  }

  /** The fixed priors this estimator was built with. */
  public ShrinkagePriors fixedPriors() {
    return fixed;
  }

  private Confidence shared(Evidence evidence, int deepest, ShrinkagePriors priors) {
    // The community's counts include the user's own trades: take them out, or the user's
    // evidence would be counted twice, once in the prior and once in the update.
    List<Counts> community = othersThan(evidence.community(), evidence.user());
    double communityL0 = chain(community, 1, priors);
    double userL0 = shrink(evidence.user().get(0), communityL0, priors.skillStrength());
    double skillOffset = logit(userL0) - logit(communityL0);
    double communityDeepest = chain(community, deepest + 1, priors);
    double priorMean = clamp(sigmoid(logit(communityDeepest) + skillOffset));
    double priorStrength =
        Math.min(priors.userStrength(), priors.strength(deepest) + community.get(deepest).trades());
    return posterior(evidence.user().get(deepest), priorMean, priorStrength);
  }

  private static List<Counts> othersThan(List<Counts> everyone, List<Counts> user) {
    List<Counts> others = new java.util.ArrayList<>(everyone.size());
    for (int level = 0; level < everyone.size(); level++) {
      Counts all = everyone.get(level);
      Counts own = user.get(level);
      double trades = Math.max(0, all.trades() - own.trades());
      others.add(new Counts(Math.min(trades, Math.max(0, all.wins() - own.wins())), trades));
    }
    return others;
  }

  /**
   * A prior never claims certainty: a pattern the others always won (or always lost) still leaves
   * the user's own trades room to speak.
   */
  private static double clamp(double priorMean) {
    return Math.min(1 - PRIOR_MEAN_MARGIN, Math.max(PRIOR_MEAN_MARGIN, priorMean));
  }

  /** The estimate after shrinking levels 0 .. {@code levels - 1} each toward the one above. */
  private static double chain(List<Counts> counts, int levels, ShrinkagePriors priors) {
    double estimate = priors.rootMean();
    for (int level = 0; level < levels; level++) {
      estimate = shrink(counts.get(level), estimate, priors.strength(level));
    }
    return estimate;
  }

  private static double shrink(Counts counts, double toward, double strength) {
    return (counts.wins() + strength * toward) / (counts.trades() + strength);
  }

  private Confidence posterior(Counts own, double priorMean, double priorStrength) {
    double alpha = Math.max(MIN_PARAMETER, own.wins() + priorStrength * priorMean);
    double beta = Math.max(MIN_PARAMETER, own.losses() + priorStrength * (1 - priorMean));
    BetaQuantile quantile = new BetaQuantile(alpha, beta);
    double tail = (1 - credibleLevel) / 2;
    return new Confidence(
        alpha / (alpha + beta), quantile.at(tail), quantile.at(1 - tail), credibleLevel);
  }

  private static double logit(double p) {
    double clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
    return Math.log(clamped / (1 - clamped));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
