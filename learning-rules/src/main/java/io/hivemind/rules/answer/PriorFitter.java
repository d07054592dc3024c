package io.hivemind.rules.answer;

import io.hivemind.learning.confidence.BetaPrior;
import io.hivemind.learning.confidence.EmpiricalPrior;
import io.hivemind.learning.confidence.EmpiricalPrior.Moments;
import io.hivemind.learning.confidence.ShrinkagePriors;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.WinStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Empirical-Bayes priors for the community's chain (ADR 20), fitted from the community statistics
 * as they are: the spread of the L0 rates of every (symbol, side) gives the root's mean and L0's
 * strength, the spread of the L1 patterns under a question's L0 gives L1's strength, the L2
 * patterns under its L1 give L2's. Only the first {@code levels} are fitted; as served, L0 alone
 * ({@link #SERVED_LEVELS}). A level whose groups say too little ({@link EmpiricalPrior}: fewer than
 * its minimum of groups, or too few trades per group) keeps the fixed prior.
 *
 * <p>Only community statistics with at least k contributors are counted, the figures an answer may
 * use (ADR 13); a fit sums at least {@code minGroups} of them, so no one group, let alone one user,
 * sets a prior. The counts are the decayed ones the estimator weighs, each in its own key's time
 * frame, summed as they are.
 *
 * <p>Kept group by group ({@link #update}), so the replay refreshes it with every statistic it
 * learns and the query rebuilds it from its community store; not thread-safe while updated, safe to
 * read from many threads once published and no longer updated.
 */
public final class PriorFitter implements PriorSource {

  /** The fitting this project uses: at least 5 groups, strengths between 2 and 1,000 trades. */
  public static final EmpiricalPrior DEFAULT_FIT = new EmpiricalPrior(5, 2, 1000);

  /**
   * The levels served fitted: L0 only (the root's mean and L0's strength). Fitting L1 and L2 too
   * made the quality bench worse at 10k experiences (Brier 0.2417 against 0.2400 fixed, seed 7;
   * L2's fit alone 0.2412): their groups' spread is read from trades clustered in market moments,
   * and the fit shrinks real pattern effects away (ADR 20).
   */
  public static final int SERVED_LEVELS = 1;

  private static final String ANY = "*";

  /** The groups one prior is fitted from: the statistics of {@code level} under one parent. */
  private record Parent(String symbol, String side, int level, String pattern) {

    static Parent of(CommunityStatsKey key) {
      int level = key.getLevel();
      return level == 0
          ? new Parent(ANY, ANY, 0, key.getPattern())
          : new Parent(
              key.getSymbol(),
              key.getSide().name(),
              level,
              PatternScheme.parent(level, key.getPattern()));
    }
  }

  private final EmpiricalPrior fit;
  private final int minContributors;
  private final int levels;
  private final Map<Parent, Moments> moments = new HashMap<>();

  /**
   * @param levels how many levels, from L0 down, are fitted; deeper ones keep the fixed prior
   */
  public PriorFitter(EmpiricalPrior fit, int minContributors, int levels) {
    if (levels < 1 || levels > PatternScheme.LEVELS) {
      throw new IllegalArgumentException("levels must be 1 to " + PatternScheme.LEVELS);
    }
    this.fit = fit;
    this.minContributors = minContributors;
    this.levels = levels;
  }

  /** A fitter as served: this project's fitting of {@link #SERVED_LEVELS}. */
  public static PriorFitter served(int minContributors) {
    return new PriorFitter(DEFAULT_FIT, minContributors, SERVED_LEVELS);
  }

  /** A fitter over {@code community}, as served. */
  public static PriorFitter of(Map<CommunityStatsKey, WinStats> community, int minContributors) {
    PriorFitter fitter = served(minContributors);
    community.forEach((key, stats) -> fitter.update(key, null, stats));
    return fitter;
  }

  /**
   * One community statistic changed from {@code before} (null when new) to {@code after} (null when
   * gone).
   */
  public void update(CommunityStatsKey key, WinStats before, WinStats after) {
    if (key.getLevel() < 0 || key.getLevel() >= levels) {
      return;
    }
    Parent parent = Parent.of(key);
    Moments sums = moments.getOrDefault(parent, Moments.EMPTY);
    if (counted(before)) {
      sums = sums.minus(WinStatsCounts.decayed(Optional.of(before)));
    }
    if (counted(after)) {
      sums = sums.plus(WinStatsCounts.decayed(Optional.of(after)));
    }
    if (sums.groups() == 0) {
      moments.remove(parent);
    } else {
      moments.put(parent, sums);
    }
  }

  /** Each level fitted where its groups allow, else {@code fixed}'s. */
  @Override
  public ShrinkagePriors priors(
      String symbol, String side, List<String> patterns, ShrinkagePriors fixed) {
    List<Double> strengths = new ArrayList<>(patterns.size());
    double rootMean = fixed.rootMean();
    for (int level = 0; level < patterns.size(); level++) {
      if (level >= levels) {
        strengths.add(fixedStrength(fixed, level));
        continue;
      }
      Parent parent =
          level == 0
              ? new Parent(ANY, ANY, 0, patterns.get(0))
              : new Parent(symbol, side, level, patterns.get(level - 1));
      Optional<BetaPrior> fitted = fit.fit(moments.getOrDefault(parent, Moments.EMPTY));
      strengths.add(fitted.map(BetaPrior::strength).orElse(fixedStrength(fixed, level)));
      if (level == 0 && fitted.isPresent()) {
        rootMean = Math.min(0.99, Math.max(0.01, fitted.get().mean()));
      }
    }
    return new ShrinkagePriors(rootMean, strengths, fixed.skillStrength(), fixed.userStrength());
  }

  /** How many parents have at least one counted group: for logs and metrics. */
  public int parents() {
    return moments.size();
  }

  private boolean counted(WinStats stats) {
    return stats != null
        && stats.getContributors() >= minContributors
        && stats.getDecayedTrades() > 0;
  }

  private static double fixedStrength(ShrinkagePriors fixed, int level) {
    List<Double> strengths = fixed.levelStrengths();
    return strengths.get(Math.min(level, strengths.size() - 1));
  }
}
