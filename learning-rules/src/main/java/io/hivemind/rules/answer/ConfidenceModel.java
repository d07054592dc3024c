package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.ConfidenceEstimator;
import io.hivemind.learning.confidence.ShrinkagePriors;
import io.hivemind.learning.pattern.PatternScheme;
import java.util.OptionalInt;

/**
 * Answers a question from learned statistics: bucket it into patterns, gather evidence, estimate. A
 * community statistic with fewer than {@code minContributors} distinct users is neither shown nor
 * used (k-anonymity, see {@link EvidenceAssembler}).
 */
public final class ConfidenceModel {

  /** k: how many distinct users a community figure must be built from to be shown or used. */
  public static final int DEFAULT_MIN_CONTRIBUTORS = 5;

  private final PatternScheme scheme;
  private final ConfidenceEstimator estimator;
  private final int minContributors;
  private final PriorSource fixedOnly;

  public ConfidenceModel(PatternScheme scheme, ConfidenceEstimator estimator, int minContributors) {
    if (minContributors < 1) {
      throw new IllegalArgumentException("minContributors must be >= 1, was " + minContributors);
    }
    this.scheme = scheme;
    this.estimator = estimator;
    this.minContributors = minContributors;
    this.fixedOnly = (symbol, side, patterns, fixed) -> fixed;
  }

  /** The scheme and estimator the learner's statistics are built for, with k = {@code k}. */
  public static ConfidenceModel v1(int minContributors) {
    return new ConfidenceModel(PatternScheme.v1(), ConfidenceEstimator.defaults(), minContributors);
  }

  /** The answer with the estimator's fixed priors. */
  public ConfidenceAnswer answer(ConfidenceQuery query, StatsLookup stats) {
    return answer(query, stats, fixedOnly);
  }

  /**
   * The answer with the community's chain shrunk by the priors {@code priors} fits from the
   * community's statistics (ADR 20), the fixed ones where a level does not fit.
   */
  public ConfidenceAnswer answer(ConfidenceQuery query, StatsLookup stats, PriorSource priors) {
    return answer(query, evidence(query, stats), priors);
  }

  /**
   * The answer with the P&amp;L a trade like this one is expected to make (see {@link
   * TradeSimulation} for whose trades that is read from).
   */
  public TradeSimulation simulate(ConfidenceQuery query, StatsLookup stats) {
    return simulate(query, stats, fixedOnly);
  }

  /** {@link #simulate(ConfidenceQuery, StatsLookup)} with the priors {@code priors} fits. */
  public TradeSimulation simulate(ConfidenceQuery query, StatsLookup stats, PriorSource priors) {
    PatternEvidence found = evidence(query, stats);
    ConfidenceAnswer answer = answer(query, found, priors);
    return TradeSimulation.of(answer, found.deepestUser(), found.communityUsed());
  }

  private PatternEvidence evidence(ConfidenceQuery query, StatsLookup stats) {
    return EvidenceAssembler.assemble(
        query, scheme.patterns(query.time(), query.features()), stats, minContributors);
  }

  private ConfidenceAnswer answer(
      ConfidenceQuery query, PatternEvidence found, PriorSource priors) {
    ShrinkagePriors shrinkage =
        priors.priors(
            query.symbol(), query.side().name(), found.patterns(), estimator.fixedPriors());
    return new ConfidenceAnswer(
        estimator.estimate(found.evidence(), shrinkage),
        found.userTrades(),
        found.communityTrades(),
        found.communityLevel() == PatternEvidence.NO_COMMUNITY_LEVEL
            ? OptionalInt.empty()
            : OptionalInt.of(found.communityLevel()),
        found.pattern(),
        shrinkage);
  }
}
