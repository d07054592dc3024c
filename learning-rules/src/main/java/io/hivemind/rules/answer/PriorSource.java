package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.ShrinkagePriors;
import java.util.List;

/**
 * Where the community's chain gets its priors: fitted from the data ({@link PriorFitter}) or fixed.
 */
@FunctionalInterface
public interface PriorSource {

  /**
   * The priors for a question about {@code symbol}/{@code side} whose patterns are {@code patterns}
   * (index = level); {@code fixed} are the estimator's own, for any level nothing better is known.
   */
  ShrinkagePriors priors(String symbol, String side, List<String> patterns, ShrinkagePriors fixed);
}
