package io.hivemind.learning.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

class BetaQuantileTest {

  /**
   * The parameters answers meet: prior pseudo-trades alone up to a million trades, lopsided too.
   */
  private static final double[] PARAMETERS = {
    0.05, 0.1, 0.3, 0.5, 0.9, 1, 1.5, 2, 3.7, 5, 10, 25, 42.5, 100, 333, 1_000, 5_000, 40_000,
    250_000, 1_000_000
  };

  private static final double[] PROBABILITIES = {
    1e-9, 1e-6, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999,
    1 - 1e-6
  };

  @Test
  void agreesWithCommonsMathWithinItsOwnSolverAccuracy() {
    for (double alpha : PARAMETERS) {
      for (double beta : PARAMETERS) {
        BetaQuantile quantile = new BetaQuantile(alpha, beta);
        BetaDistribution reference = new BetaDistribution(null, alpha, beta, 1e-15);
        for (double p : PROBABILITIES) {
          double expected = reference.inverseCumulativeProbability(p);
          assertThat(quantile.at(p))
              .as("Beta(%s, %s) at %s", alpha, beta, p)
              .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
  }

  @Test
  void theDistributionFunctionAtTheQuantileGivesBackTheProbability() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      // as the estimator builds them: wins and losses plus a prior's pseudo-trades
      double alpha = random.nextInt(0, 5_000) + 0.01 + random.nextDouble() * 100;
      double beta = random.nextInt(0, 5_000) + 0.01 + random.nextDouble() * 100;
      double p = random.nextDouble(0.001, 0.999);
      double x = new BetaQuantile(alpha, beta).at(p);
      assertThat(Beta.regularizedBeta(x, alpha, beta))
          .as("I_x(%s, %s) at x = %s", alpha, beta, x)
          .isCloseTo(p, org.assertj.core.data.Offset.offset(1e-10));
    }
  }

  @Test
  void theEdgesAreTheSupportsEnds() {
    BetaQuantile quantile = new BetaQuantile(3, 4);
    assertThat(quantile.at(0)).isZero();
    assertThat(quantile.at(1)).isEqualTo(1);
    assertThat(quantile.at(0.5)).isBetween(quantile.at(0.05), quantile.at(0.95));
  }

  @Test
  void refusesWhatIsNotADistributionOrAProbability() {
    assertThatThrownBy(() -> new BetaQuantile(0, 1)).hasMessageContaining("alpha > 0");
    assertThatThrownBy(() -> new BetaQuantile(1, Double.NaN)).hasMessageContaining("beta > 0");
    assertThatThrownBy(() -> new BetaQuantile(2, 2).at(1.5)).hasMessageContaining("[0, 1]");
  }
}
