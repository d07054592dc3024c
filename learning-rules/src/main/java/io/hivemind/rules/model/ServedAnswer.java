package io.hivemind.rules.model;

import io.hivemind.learning.confidence.Confidence;
import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer a bot is given and every model's prediction beside it (ADR 22): the pattern model
 * always answers; the challenger, once a version of it is loaded, answers too, in shadow or, for
 * the users the {@link ModelExperiment} puts on it, served.
 *
 * <p>The challenger has no posterior of its own, only a probability. Served, its answer keeps the
 * pattern model's evidence (what was seen of this pattern) and that evidence's interval, moved in
 * log-odds so that it is centred where the challenger's probability is: the same width of doubt in
 * logits, around the challenger's mean.
 *
 * @param answer what the bot is given
 * @param model the served model's name: {@link #PATTERN} or {@link #CHALLENGER}
 * @param version the served model's version
 * @param predictions every model's probability, the served one first
 */
public record ServedAnswer(
    ConfidenceAnswer answer, String model, String version, List<Prediction> predictions) {

  public static final String PATTERN = "pattern";
  public static final String CHALLENGER = "challenger";

  /** The pattern model's version: scheme and estimator v1 (DESIGN §6). */
  public static final String PATTERN_VERSION = "v1";

  private static final double EDGE = 1e-6;

  /** One model's probability for the question. */
  public record Prediction(String model, String version, double probability) {}

  public ServedAnswer {
    predictions = List.copyOf(predictions);
  }

  /**
   * The answer for {@code query}: the pattern model's {@code pattern} answer, and the challenger's
   * probability when {@code challenger} is loaded, served as {@code experiment} says for the key's
   * {@code tier}.
   */
  public static ServedAnswer of(
      ConfidenceQuery query,
      String tier,
      ConfidenceAnswer pattern,
      Optional<ChallengerModel> challenger,
      ModelExperiment experiment) {
    return of(query, tier, pattern, challenger, experiment, RegimeTimeline.none());
  }

  /** As above, the challenger asked with the symbol's regime at the question's time. */
  public static ServedAnswer of(
      ConfidenceQuery query,
      String tier,
      ConfidenceAnswer pattern,
      Optional<ChallengerModel> challenger,
      ModelExperiment experiment,
      RegimeTimeline regimes) {
    Prediction patternSays =
        new Prediction(PATTERN, PATTERN_VERSION, pattern.confidence().probability());
    if (challenger.isEmpty()) {
      return new ServedAnswer(pattern, PATTERN, PATTERN_VERSION, List.of(patternSays));
    }
    ChallengerModel model = challenger.get();
    Prediction challengerSays =
        new Prediction(
            CHALLENGER, model.version().label(), model.probability(ChallengerInputs.of(query)));
    List<Prediction> predictions = new ArrayList<>(2);
    if (experiment.servesChallenger(query.userId(), tier, query.privateUser())) {
      predictions.add(challengerSays);
      predictions.add(patternSays);
      return new ServedAnswer(
          moved(pattern, challengerSays.probability()),
          CHALLENGER,
          challengerSays.version(),
          predictions);
    }
    predictions.add(patternSays);
    predictions.add(challengerSays);
    return new ServedAnswer(pattern, PATTERN, PATTERN_VERSION, predictions);
  }

  /** The pattern answer with its probability {@code to} and its interval moved with it. */
  static ConfidenceAnswer moved(ConfidenceAnswer pattern, double to) {
    Confidence from = pattern.confidence();
    double shift = logit(to) - logit(from.probability());
    Confidence moved =
        new Confidence(
            to,
            Math.min(to, sigmoid(logit(from.low()) + shift)),
            Math.max(to, sigmoid(logit(from.high()) + shift)),
            from.level());
    return new ConfidenceAnswer(
        moved,
        pattern.userTrades(),
        pattern.communityTrades(),
        pattern.communityLevel(),
        pattern.pattern(),
        pattern.priors());
  }

  private static double logit(double p) {
    double clipped = Math.max(EDGE, Math.min(1 - EDGE, p));
    return Math.log(clipped / (1 - clipped));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
