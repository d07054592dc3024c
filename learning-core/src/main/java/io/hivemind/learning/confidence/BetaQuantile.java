package io.hivemind.learning.confidence;

import org.apache.commons.math3.special.Beta;

/**
 * The quantile function of a Beta(α, β) distribution, for the credible interval of every answer.
 *
 * <p>commons-math's {@code BetaDistribution.inverseCumulativeProbability} brackets and then runs a
 * general root solver, evaluating the distribution function some 20–40 times per quantile; it was
 * 41 % of a replay's CPU (BENCHMARKS.md). Here the start is a closed form close to the answer — the
 * Cornish-Fisher-style normal approximation of Abramowitz &amp; Stegun 26.5.22 when both parameters
 * are at least 1, otherwise the two power-law tails of the density — and Halley's method on the
 * regularized incomplete beta function (commons-math's continued fraction) finishes it, usually in
 * two or three steps. Both quantiles of an interval share one {@code log B(α, β)}.
 *
 * <p>Error bound: the result is within {@value #TOLERANCE} (relative) of the exact quantile, well
 * inside commons-math's own solver accuracy of 1e-9 absolute; {@code BetaQuantileTest} checks both
 * against commons-math over the parameters answers meet (α, β from 0.05 to 10⁶).
 */
public final class BetaQuantile {

  /** Relative size of the last Halley step at which the quantile is taken as found. */
  static final double TOLERANCE = 1e-10;

  private static final int MAX_STEPS = 50;

  private final double alpha;
  private final double beta;
  private final double logNormalizer;

  public BetaQuantile(double alpha, double beta) {
    if (!(alpha > 0 && beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException(
          "need finite alpha > 0 and beta > 0, got " + alpha + ", " + beta);
    }
    this.alpha = alpha;
    this.beta = beta;
    this.logNormalizer = -Beta.logBeta(alpha, beta);
  }

  /** The {@code p}-quantile: the x in [0, 1] with P(X ≤ x) = p. */
  public double at(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    if (p == 0) {
      return 0;
    }
    if (p == 1) {
      return 1;
    }
    double x = start(p);
    for (int step = 0; step < MAX_STEPS; step++) {
      if (x <= 0 || x >= 1) {
        return x <= 0 ? 0 : 1;
      }
      double error = Beta.regularizedBeta(x, alpha, beta) - p;
      double density =
          Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) + logNormalizer);
      if (density == 0 || Double.isNaN(density)) {
        return x;
      }
      double newton = error / density;
      // Halley's correction: the density's own slope, relative to the density
      double curvature = newton * ((alpha - 1) / x - (beta - 1) / (1 - x));
      double change = newton / (1 - 0.5 * Math.min(1, curvature));
      double next = x - change;
      // never leave (0, 1): step halfway to the edge instead
      if (next <= 0) {
        next = 0.5 * x;
      } else if (next >= 1) {
        next = 0.5 * (x + 1);
      }
      if (Math.abs(next - x) <= TOLERANCE * next) {
        return next;
      }
      x = next;
    }
    return x;
  }

  /** A first guess, usually within a few per cent of the quantile. */
  private double start(double p) {
    if (alpha >= 1 && beta >= 1) {
      double tail = p < 0.5 ? p : 1 - p;
      double t = Math.sqrt(-2 * Math.log(tail));
      // the standard normal's upper quantile of the tail (A&S 26.2.23), signed so that a large
      // value means a small x
      double z = t - (2.30753 + 0.27061 * t) / (1 + t * (0.99229 + 0.04481 * t));
      if (p > 0.5) {
        z = -z;
      }
      double lambda = (z * z - 3) / 6;
      double h = 2 / (1 / (2 * alpha - 1) + 1 / (2 * beta - 1));
      double w =
          z * Math.sqrt(h + lambda) / h
              - (1 / (2 * beta - 1) - 1 / (2 * alpha - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h));
      return alpha / (alpha + beta * Math.exp(2 * w));
    }
    // one parameter below 1: the density's mass near 0 ~ x^alpha / alpha, near 1 ~ (1-x)^beta /
    // beta
    double left = Math.exp(alpha * Math.log(alpha / (alpha + beta))) / alpha;
    double right = Math.exp(beta * Math.log(beta / (alpha + beta))) / beta;
    double total = left + right;
    if (p < left / total) {
      return Math.pow(alpha * total * p, 1 / alpha);
    }
    return 1 - Math.pow(beta * total * (1 - p), 1 / beta);
  }
}
