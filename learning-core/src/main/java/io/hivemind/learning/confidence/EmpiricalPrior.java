package io.hivemind.learning.confidence;

import java.util.Collection;
import java.util.Optional;

/**
 * Empirical Bayes: the Beta prior of a level fitted from the spread of the win rates of the groups
 * at that level (for example every L2 pattern under one L1 pattern), by the method of moments.
 *
 * <p>Each group's rate is weighted by its trades. The observed spread is partly binomial noise: a
 * group of {@code n} trades scatters by {@code m(1 − m)/n} even if every group had the same true
 * rate. With {@code N} trades in {@code G} groups, pooled mean {@code m} and {@code Q = Σ n (r −
 * m)²}, the expectation under a Beta prior of strength {@code s} is {@code m(1 − m) [(G − 1) + ρ (N
 * − Σn²/N − (G − 1))]} with {@code ρ = 1/(s + 1)}, the correlation of two trades of one group; the
 * fit solves it for {@code ρ}. A spread no larger than the noise (ρ ≤ 0) gives a strong prior at
 * the pooled mean ({@code maxStrength}); a spread as wide as it can be gives {@code minStrength}.
 *
 * <p>Counts may be time-decayed: {@code n} is then the decayed weight, an effective sample size.
 * The sums are kept in {@link Moments}, which a caller can update one group at a time ({@link
 * Moments#minus} the old counts, {@link Moments#plus} the new) and fit whenever it wants the prior
 * refreshed.
 */
public final class EmpiricalPrior {

  private static final double NO_SPREAD = 1e-12;

  private final int minGroups;
  private final double minStrength;
  private final double maxStrength;

  /**
   * @param minGroups how many groups with trades a fit needs: the spread of two or three groups
   *     says little, and when each group's trades come in clusters (a market moment that a thousand
   *     users traded at once) their binomial noise is small and a strong, wrong prior would follow
   */
  public EmpiricalPrior(int minGroups, double minStrength, double maxStrength) {
    if (minGroups < 2) {
      throw new IllegalArgumentException("minGroups must be >= 2, was " + minGroups);
    }
    if (!(minStrength > 0) || !(maxStrength >= minStrength) || Double.isInfinite(maxStrength)) {
      throw new IllegalArgumentException("need 0 < minStrength <= maxStrength < infinity");
    }
    this.minGroups = minGroups;
    this.minStrength = minStrength;
    this.maxStrength = maxStrength;
  }

  /** The sufficient statistics of a set of groups: enough to fit, and to update group by group. */
  public record Moments(
      int groups, double trades, double wins, double winsSquaredOverTrades, double tradesSquared) {

    public static final Moments EMPTY = new Moments(0, 0, 0, 0, 0);

    /** With one more group; a group without trades says nothing and is not counted. */
    public Moments plus(Counts group) {
      return group.trades() > 0 ? add(group, 1) : this;
    }

    /** Without a group added before (its counts as they were added). */
    public Moments minus(Counts group) {
      return group.trades() > 0 ? add(group, -1) : this;
    }

    public static Moments of(Collection<Counts> groups) {
      Moments moments = EMPTY;
      for (Counts group : groups) {
        moments = moments.plus(group);
      }
      return moments;
    }

    private Moments add(Counts group, int sign) {
      double n = group.trades();
      double x = group.wins();
      return new Moments(
          groups + sign,
          trades + sign * n,
          wins + sign * x,
          winsSquaredOverTrades + sign * x * x / n,
          tradesSquared + sign * n * n);
    }
  }

  /** The prior of {@code groups}' level; empty when fewer than {@code minGroups} have trades. */
  public Optional<BetaPrior> fit(Collection<Counts> groups) {
    return fit(Moments.of(groups));
  }

  /**
   * The prior of the level {@code moments} sums; empty when they say nothing about the spread:
   * fewer than {@code minGroups} groups with trades, or too few trades per group to tell spread
   * from noise.
   */
  public Optional<BetaPrior> fit(Moments moments) {
    int groups = moments.groups();
    double trades = moments.trades();
    if (groups < minGroups || !(trades > 0)) {
      return Optional.empty();
    }
    double mean = Math.min(1, Math.max(0, moments.wins() / trades));
    double bernoulli = mean * (1 - mean);
    if (bernoulli < NO_SPREAD) {
      return Optional.of(new BetaPrior(mean, maxStrength)); // every trade won (or lost)
    }
    double spread = Math.max(0, moments.winsSquaredOverTrades() - trades * mean * mean);
    double information = trades - moments.tradesSquared() / trades - (groups - 1);
    if (!(information > 0)) {
      return Optional.empty();
    }
    double correlation = (spread / bernoulli - (groups - 1)) / information;
    return Optional.of(new BetaPrior(mean, strength(correlation)));
  }

  private double strength(double correlation) {
    if (correlation <= 1 / (maxStrength + 1)) {
      return maxStrength;
    }
    if (correlation >= 1 / (minStrength + 1)) {
      return minStrength;
    }
    return 1 / correlation - 1;
  }
}
