package io.hivemind.simulator.truth;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.market.Regime;
import io.hivemind.simulator.random.Seeds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hidden true win probability of a trade: what the service is trying to learn, known here so
 * that what it learned can be scored.
 *
 * <p>Truth lives on the buckets the server learns: the trade is bucketed with learning-core's
 * {@link PatternScheme#v1()} and its log-odds are a sum of effects, each a normal draw that is a
 * pure function of (world seed, key):
 *
 * <pre>
 * logit(p) = base (0.1)
 *          + effect(symbol, side)              σ = 0.2
 *          + effect(L1 session pattern)        σ = 0.15  (time of day, the same for every market)
 *          + effect(symbol, side, L2 pattern)  σ = 0.5   (what the bot saw)
 *          + user skill                        σ ≈ 0.4   (across the fleet)
 *          + regime effect   TRENDING −0.3, CHOPPY +0.25, VOLATILE −0.1, QUIET +0.1
 *                            (hidden from the server: noise around its bucket's truth)
 * </pre>
 *
 * clamped to [0.05, 0.95]. The regime effect is what a mean-reversion strategy would feel: it
 * suffers when the market trends and does well when it chops.
 */
public final class TruthModel {

  /** The shape of the truth; {@link #defaults()} is what the simulator uses. */
  public record Parameters(
      double base,
      double symbolSideSigma,
      double sessionSigma,
      double patternSigma,
      double min,
      double max) {

    public static Parameters defaults() {
      return new Parameters(0.1, 0.2, 0.15, 0.5, 0.05, 0.95);
    }
  }

  /**
   * What a trade looks like to the truth, before the user and the regime are known: its patterns
   * (L0, L1 and, with features, L2) and the summed effects of its market, session and pattern.
   */
  public record Situation(String symbol, String side, List<String> patterns, double logit) {

    /** The most detailed pattern: L2 when the features allowed one. */
    public String pattern() {
      return patterns.get(patterns.size() - 1);
    }
  }

  private final long seed;
  private final Parameters parameters;
  private final PatternScheme scheme = PatternScheme.v1();
  private final Map<String, Double> effects = new ConcurrentHashMap<>();

  public TruthModel(long seed) {
    this(seed, Parameters.defaults());
  }

  public TruthModel(long seed, Parameters parameters) {
    this.seed = seed;
    this.parameters = parameters;
  }

  /** The true probability that this user's trade wins, in this market regime. */
  public double probability(
      SimulatedUser user,
      String symbol,
      String side,
      Instant time,
      Map<String, Double> features,
      Regime regime) {
    return probability(user, situation(symbol, side, time, features), regime);
  }

  public double probability(SimulatedUser user, Situation situation, Regime regime) {
    return clamp(situation.logit() + user.skill() + regimeEffect(regime));
  }

  /**
   * The truth of the server's bucket for this user, leaving out the regime, which the server cannot
   * see: what its answer should come close to.
   */
  public double bucketProbability(SimulatedUser user, Situation situation) {
    return clamp(situation.logit() + user.skill());
  }

  /** The truth of the bucket for an average user (skill 0) in no particular regime. */
  public double bucketProbability(Situation situation) {
    return clamp(situation.logit());
  }

  public Situation situation(
      String symbol, String side, Instant time, Map<String, Double> features) {
    List<String> patterns = scheme.patterns(time, features);
    String market = symbol + "/" + side;
    double logit =
        parameters.base()
            + effect("symbol-side/" + market, parameters.symbolSideSigma())
            + effect("session/" + patterns.get(1), parameters.sessionSigma());
    if (patterns.size() > 2) {
      logit += effect("pattern/" + market + "/" + patterns.get(2), parameters.patternSigma());
    }
    return new Situation(symbol, side, patterns, logit);
  }

  /** Log-odds added in each regime: mean reversion loses in trends and gains in chop. */
  public static double regimeEffect(Regime regime) {
    return switch (regime) {
      case TRENDING -> -0.3;
      case CHOPPY -> 0.25;
      case VOLATILE -> -0.1;
      case QUIET -> 0.1;
    };
  }

  private double effect(String key, double sigma) {
    return effects.computeIfAbsent(key, k -> sigma * Seeds.gaussian(seed, "truth/" + k));
  }

  private double clamp(double logit) {
    double p = 1 / (1 + Math.exp(-logit));
    return Math.max(parameters.min(), Math.min(parameters.max(), p));
  }
}
