package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.ConfidenceEstimator;
import io.hivemind.learning.pattern.PatternScheme;

/**
 * Answers a question from learned statistics: bucket it into patterns, gather evidence, estimate.
 */
public final class ConfidenceModel {

  private final PatternScheme scheme;
  private final ConfidenceEstimator estimator;

  public ConfidenceModel(PatternScheme scheme, ConfidenceEstimator estimator) {
    this.scheme = scheme;
    this.estimator = estimator;
  }

  /** The scheme and estimator the learner's statistics are built for. */
  public static ConfidenceModel v1() {
    return new ConfidenceModel(PatternScheme.v1(), ConfidenceEstimator.defaults());
  }

  public ConfidenceAnswer answer(ConfidenceQuery query, StatsLookup stats) {
    PatternEvidence found =
        EvidenceAssembler.assemble(query, scheme.patterns(query.time(), query.features()), stats);
    return new ConfidenceAnswer(
        estimator.estimate(found.evidence()),
        found.userTrades(),
        found.communityTrades(),
        found.pattern());
  }
}
