package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.Confidence;
import io.hivemind.learning.confidence.ConfidenceEstimator;
import io.hivemind.learning.confidence.ShrinkagePriors;
import java.util.OptionalInt;

/**
 * The estimate with what it rests on.
 *
 * @param userTrades the user's own trades at {@code pattern}
 * @param communityTrades the community's trades at {@code communityLevel}: the deepest level of the
 *     question with enough distinct contributors to be shown (k-anonymity); 0 when none has
 * @param communityLevel that level, empty when the community had nothing it may show
 * @param pattern the most specific pattern the question had
 * @param priors the priors the community's chain was shrunk with (fitted or fixed, ADR 20)
 */
public record ConfidenceAnswer(
    Confidence confidence,
    long userTrades,
    long communityTrades,
    OptionalInt communityLevel,
    String pattern,
    ShrinkagePriors priors) {

  /** An answer given with the default estimator's fixed priors. */
  public ConfidenceAnswer(
      Confidence confidence,
      long userTrades,
      long communityTrades,
      OptionalInt communityLevel,
      String pattern) {
    this(
        confidence,
        userTrades,
        communityTrades,
        communityLevel,
        pattern,
        ConfidenceEstimator.defaults().fixedPriors());
  }
}
