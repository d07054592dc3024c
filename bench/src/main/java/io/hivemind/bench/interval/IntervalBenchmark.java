package io.hivemind.bench.interval;

import io.hivemind.bench.report.Rounds;
import io.hivemind.learning.confidence.BetaQuantile;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The credible interval of one answer (issue 18): the two Beta quantiles every confidence answer
 * and every replayed decision computes, by learning-core's {@link BetaQuantile} against the
 * baseline, commons-math's {@code BetaDistribution.inverseCumulativeProbability} (what the
 * estimator called before). Both run interleaved, round after round, on the same (α, β) pairs —
 * built as the estimator builds them: a user's wins and losses, from none to thousands, plus a
 * prior's pseudo-trades — and each figure is the median of the rounds. It also prints the largest
 * difference between the two answers over the pairs, so the speed is never bought with accuracy.
 */
public final class IntervalBenchmark {

  private static final double LEVEL = 0.9;

  /** The (α, β) pairs and the rounds. */
  public record Settings(int pairs, int rounds) {}

  /** Runs the rounds and prints each side's median nanoseconds per interval. */
  public void run(Settings settings) {
    SplittableRandom random = new SplittableRandom(18);
    double[] alphas = new double[settings.pairs()];
    double[] betas = new double[settings.pairs()];
    for (int i = 0; i < alphas.length; i++) {
      // trades at the pattern: log-uniform from 1 to 10,000; a win rate around a half
      int trades = (int) Math.exp(random.nextDouble() * Math.log(10_000));
      int wins = (int) Math.round(trades * (0.3 + 0.4 * random.nextDouble()));
      double strength = 1 + 99 * random.nextDouble();
      double priorMean = 0.35 + 0.3 * random.nextDouble();
      alphas[i] = wins + strength * priorMean;
      betas[i] = trades - wins + strength * (1 - priorMean);
    }
    double tail = (1 - LEVEL) / 2;
    double largestDifference = 0;
    for (int i = 0; i < alphas.length; i++) {
      double[] ours = closedThenHalley(alphas[i], betas[i], tail);
      double[] theirs = commonsMath(alphas[i], betas[i], tail);
      largestDifference =
          Math.max(
              largestDifference,
              Math.max(Math.abs(ours[0] - theirs[0]), Math.abs(ours[1] - theirs[1])));
    }
    double[] baseline = new double[settings.rounds()];
    double[] measured = new double[settings.rounds()];
    double sink = 0;
    for (int round = -3; round < settings.rounds(); round++) {
      long started = System.nanoTime();
      for (int i = 0; i < alphas.length; i++) {
        double[] interval = commonsMath(alphas[i], betas[i], tail);
        sink += interval[0] + interval[1];
      }
      long between = System.nanoTime();
      for (int i = 0; i < alphas.length; i++) {
        double[] interval = closedThenHalley(alphas[i], betas[i], tail);
        sink += interval[0] + interval[1];
      }
      long ended = System.nanoTime();
      if (round >= 0) { // the first three rounds warm the JIT
        baseline[round] = (between - started) / (double) alphas.length;
        measured[round] = (ended - between) / (double) alphas.length;
      }
    }
    double base = Rounds.median(baseline);
    double ours = Rounds.median(measured);
    System.out.printf(
        "a %.0f %% credible interval (two Beta quantiles), median of %d rounds of %,d (α, β)"
            + " pairs%n",
        LEVEL * 100, settings.rounds(), alphas.length);
    System.out.printf(
        "  %-48s %9.2f µs%n", "commons-math inverseCumulativeProbability (baseline)", base / 1000);
    System.out.printf(
        "  %-48s %9.2f µs  (%.1fx faster)%n",
        "BetaQuantile: closed-form start + Halley", ours / 1000, base / ours);
    System.out.printf(
        "  largest difference between the two: %.2e (commons-math's solver accuracy: 1e-9)%n",
        largestDifference);
    System.out.printf("  (checksum %.3f)%n", sink);
  }

  private static double[] closedThenHalley(double alpha, double beta, double tail) {
    BetaQuantile quantile = new BetaQuantile(alpha, beta);
    return new double[] {quantile.at(tail), quantile.at(1 - tail)};
  }

  private static double[] commonsMath(double alpha, double beta, double tail) {
    BetaDistribution distribution = new BetaDistribution(null, alpha, beta);
    return new double[] {
      distribution.inverseCumulativeProbability(tail),
      distribution.inverseCumulativeProbability(1 - tail)
    };
  }
}
