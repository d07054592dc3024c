package io.hivemind.replay.settings;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.learn.LearnerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What to replay and how: the record-time range [from, to), whose decisions to report (empty lists:
 * everyone's, every symbol's), the thresholds to decide at, and the learning settings to learn
 * with. Every combination of half-life and scheme is one learning {@link Variant}; every threshold
 * is decided on each variant's confidence, side by side. Each variant walks the pattern model and
 * the challenger together; {@code model} says whose confidence the thresholds decide on.
 */
public record ReplaySettings(
    Instant from,
    Instant to,
    List<String> users,
    List<String> symbols,
    List<Double> thresholds,
    List<Duration> halfLives,
    List<String> schemes,
    Duration joinHorizon,
    String model) {

  /** The live model: the pattern statistics and the confidence estimator. */
  public static final String PATTERN_MODEL = "pattern";

  /** The challenger: online logistic regression with per-user offsets (ADR 22). */
  public static final String CHALLENGER_MODEL = "challenger";

  public static final List<String> MODELS = List.of(PATTERN_MODEL, CHALLENGER_MODEL);

  /** The live learner's settings (learner-streams' application.properties). */
  public static final Duration LIVE_HALF_LIFE = Duration.ofHours(720);

  public static final Duration LIVE_JOIN_HORIZON = Duration.ofHours(24);
  public static final long LIVE_MAX_WAITING_OUTCOMES_PER_USER =
      LearnerSettings.DEFAULT_MAX_WAITING_OUTCOMES_PER_USER;
  public static final Duration LIVE_RETRY_HORIZON = LearnerSettings.DEFAULT_RETRY_HORIZON;
  public static final String LIVE_SCHEME = "v1";
  public static final double DEFAULT_THRESHOLD = 0.5;

  public ReplaySettings {
    users = List.copyOf(users);
    symbols = List.copyOf(symbols);
    thresholds = List.copyOf(thresholds);
    halfLives = List.copyOf(halfLives);
    schemes = List.copyOf(schemes);
  }

  /** One way of learning: a half-life and a pattern scheme. */
  public record Variant(Duration halfLife, String scheme) {

    public PatternScheme patternScheme() {
      return Schemes.named(scheme);
    }

    public String label() {
      return "half-life " + Durations.format(halfLife) + ", scheme " + scheme;
    }
  }

  public List<Variant> variants() {
    List<Variant> variants = new ArrayList<>();
    for (Duration halfLife : halfLives) {
      for (String scheme : schemes) {
        variants.add(new Variant(halfLife, scheme));
      }
    }
    return variants;
  }

  /**
   * These settings as a request would ask for them, in their normal form (sorted, deduplicated,
   * defaults filled in): the run card, and what a job records.
   */
  public ReplayRequest asRequest() {
    return new ReplayRequest(
        from.toString(),
        to.toString(),
        users,
        symbols,
        thresholds,
        halfLives.stream().map(Durations::format).toList(),
        schemes,
        Durations.format(joinHorizon),
        model);
  }

  /** Whether the thresholds decide on the challenger's confidence rather than the pattern's. */
  public boolean decidesOnChallenger() {
    return CHALLENGER_MODEL.equals(model);
  }

  public boolean reports(String userId, String symbol) {
    return (users.isEmpty() || users.contains(userId))
        && (symbols.isEmpty() || symbols.contains(symbol));
  }
}
