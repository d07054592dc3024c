package io.hivemind.rules.learn;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.learning.stats.TradeResult;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.util.Map;

/**
 * Turns an outcome, with its signal when it arrived, into the {@link Experience} the learner learns
 * from. Without the signal there are no features, so only the levels the outcome's own fields allow
 * (L0, L1) are bucketed, and the experience says so with {@code signal_matched}.
 */
public final class ExperienceFactory {

  private final PatternScheme scheme;

  public ExperienceFactory(PatternScheme scheme) {
    this.scheme = scheme;
  }

  public Experience matched(Signal signal, TradeOutcome outcome) {
    return build(outcome, signal);
  }

  public Experience withoutSignal(TradeOutcome outcome) {
    return build(outcome, null);
  }

  /** What an experience contributes to each statistic it is counted in. */
  public static TradeResult result(Experience experience) {
    return new TradeResult(experience.getPnl(), experience.getExitTime());
  }

  private Experience build(TradeOutcome outcome, Signal signal) {
    Map<String, Double> features = signal == null ? Map.of() : signal.getFeatures();
    // The session is that of the entry: what the bot saw when it decided.
    return Experience.newBuilder()
        .setSignalId(outcome.getSignalId())
        .setUserId(outcome.getUserId())
        .setSymbol(outcome.getSymbol())
        .setSide(outcome.getSide())
        .setSignalMatched(signal != null)
        .setSignalTime(signal == null ? null : signal.getTimestamp())
        .setEntryTime(outcome.getEntryTime())
        .setExitTime(outcome.getExitTime())
        .setFeatures(features)
        .setPnl(outcome.getPnl())
        .setWin(new TradeResult(outcome.getPnl(), outcome.getExitTime()).win())
        .setExitReason(outcome.getExitReason())
        .setScheme(scheme.version())
        .setPatterns(scheme.patterns(outcome.getEntryTime(), features))
        .setPrivateUser(outcome.getPrivateUser())
        .build();
  }
}
