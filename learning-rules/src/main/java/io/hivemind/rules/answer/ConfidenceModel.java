package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.ConfidenceEstimator;
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

  public ConfidenceModel(PatternScheme scheme, ConfidenceEstimator estimator, int minContributors) {
    if (minContributors < 1) {
      throw new IllegalArgumentException("minContributors must be >= 1, was " + minContributors);
    }
    this.scheme = scheme;
    this.estimator = estimator;
    this.minContributors = minContributors;
  }

  /** The scheme and estimator the learner's statistics are built for, with k = {@code k}. */
  public static ConfidenceModel v1(int minContributors) {
    return new ConfidenceModel(PatternScheme.v1(), ConfidenceEstimator.defaults(), minContributors);
  }

  public ConfidenceAnswer answer(ConfidenceQuery query, StatsLookup stats) {
    return answer(query, evidence(query, stats));
  }

  /**
   * The answer with the P&amp;L a trade like this one is expected to make (see {@link
   * TradeSimulation} for whose trades that is read from).
   */
  public TradeSimulation simulate(ConfidenceQuery query, StatsLookup stats) {
    PatternEvidence found = evidence(query, stats);
    ConfidenceAnswer answer = answer(query, found);
    return TradeSimulation.of(answer, found.deepestUser(), found.communityUsed());
  }

  private PatternEvidence evidence(ConfidenceQuery query, StatsLookup stats) {
    return EvidenceAssembler.assemble(
        query, scheme.patterns(query.time(), query.features()), stats, minContributors);
  }

  private ConfidenceAnswer answer(ConfidenceQuery query, PatternEvidence found) {
    return new ConfidenceAnswer(
        estimator.estimate(found.evidence()),
        found.userTrades(),
        found.communityTrades(),
        found.communityLevel() == PatternEvidence.NO_COMMUNITY_LEVEL
            ? OptionalInt.empty()
            : OptionalInt.of(found.communityLevel()),
        found.pattern());
  }
}
