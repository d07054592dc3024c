package io.hivemind.rules.model;

import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.learning.model.TradeContext;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.schema.Experience;

/**
 * The wire records as the challenger sees them: an experience from {@code hivemind.experiences} and
 * a bot's question become the same {@link TradeContext}, so the model is asked what it learned
 * from. The session comes from the entry time, as the pattern scheme's does. Neither record names a
 * regime yet; when regime detection publishes one, it is added here ({@link
 * TradeContext#withRegime}) for both, from the regime in force at the entry time.
 */
public final class ChallengerInputs {

  private ChallengerInputs() {}

  public static TradeContext of(Experience experience) {
    return of(experience, RegimeTimeline.none());
  }

  public static TradeContext of(Experience experience, RegimeTimeline regimes) {
    return new TradeContext(
        experience.getUserId(),
        experience.getSymbol(),
        experience.getSide().name(),
        experience.getEntryTime(),
        experience.getFeatures(),
        regimes.at(experience.getSymbol(), experience.getEntryTime()),
        experience.getPrivateUser());
  }

  public static TradeContext of(ConfidenceQuery query) {
    return of(query, RegimeTimeline.none());
  }

  public static TradeContext of(ConfidenceQuery query, RegimeTimeline regimes) {
    return new TradeContext(
        query.userId(),
        query.symbol(),
        query.side().name(),
        query.time(),
        query.features(),
        regimes.at(query.symbol(), query.time()),
        query.privateUser());
  }

  /** Learns one experience into the model, with its signal id in the model's version. */
  public static void learn(ChallengerModel model, Experience experience) {
    learn(model, experience, RegimeTimeline.none());
  }

  /** As above, with the regime in force at the entry time. */
  public static void learn(ChallengerModel model, Experience experience, RegimeTimeline regimes) {
    model.learn(of(experience, regimes), experience.getWin(), experience.getSignalId());
  }
}
