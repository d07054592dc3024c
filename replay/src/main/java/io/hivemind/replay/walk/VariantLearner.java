package io.hivemind.replay.walk;

import io.hivemind.learning.confidence.ConfidenceEstimator;
import io.hivemind.learning.model.ChallengerModel;
import io.hivemind.learning.model.ModelVersion;
import io.hivemind.replay.settings.ReplaySettings.Variant;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.rules.answer.ConfidenceModel;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.rules.answer.StatsMaps;
import io.hivemind.rules.learn.CommunityShares;
import io.hivemind.rules.learn.CommunityShares.KeyedContribution;
import io.hivemind.rules.learn.JoinStep;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.rules.learn.MapJoinState;
import io.hivemind.rules.learn.StatsUpdates;
import io.hivemind.rules.learn.TradeJoin;
import io.hivemind.rules.model.ChallengerInputs;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.WinStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live learner and confidence model for one {@link Variant}, in memory: one join state and
 * stream time per partition (a live task's), the user and community statistics, and answers from
 * them. Each record is learned the way the live topology learns it, with the same {@link
 * TradeJoin}, {@link CommunityShares} (the live cap) and {@link StatsUpdates}, and answered with
 * the live k.
 *
 * <p>The challenger walks beside it: asked at the same signals, learning the same experiences in
 * the same order, right after the pattern statistics learn them. Nothing it does touches the
 * pattern model's statistics or answers.
 */
final class VariantLearner {

  private final Duration halfLife;
  private final TradeJoin join;
  private final ConfidenceModel model;
  private final CommunityShares shares;
  private final Map<Integer, Task> tasks = new HashMap<>();
  private final StatsMaps stats = new StatsMaps();
  private final ChallengerModel challenger = ChallengerModel.withDefaults();
  private final CommunityShares.Ledger ledger = CommunityShares.Ledger.in(new HashMap<>());
  private long outcomesOverWaitingCap;

  /** A live task's share: its partition's join state and stream time. */
  private static final class Task {
    final MapJoinState state = new MapJoinState();
    final SweepClock sweep = new SweepClock(TradeJoin.SWEEP_INTERVAL.toMillis());
    long streamTime = Long.MIN_VALUE;
  }

  /**
   * @param live the live learner's settings with the variant's half-life and scheme
   */
  VariantLearner(Variant variant, LearnerSettings live) {
    this.halfLife = live.halfLife();
    this.join = live.join();
    this.shares = new CommunityShares(live.communityCapPerDay());
    this.model =
        new ConfidenceModel(
            variant.patternScheme(),
            ConfidenceEstimator.defaults(),
            ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS);
  }

  /**
   * What live would have answered the signal's question with what was learned so far. A signal does
   * not say whether its user is private (that is a property of the API key, stamped on outcomes
   * only), so the replay answers as for an ordinary user. A private user's own trades still never
   * reach the community here: their outcomes carry {@code private_user}, and learning counts
   * through {@link StatsUpdates#communityKeys}, which skips them, as live does.
   */
  ConfidenceAnswer answer(Signal signal) {
    return model.answer(
        new ConfidenceQuery(
            signal.getUserId(),
            signal.getSymbol(),
            signal.getSide(),
            signal.getFeatures(),
            signal.getTimestamp()),
        stats,
        stats.priors());
  }

  /** The challenger's probability for the signal's trade, from what it learned so far. */
  double challengerAnswer(Signal signal) {
    return challenger.probability(
        ChallengerInputs.of(
            new ConfidenceQuery(
                signal.getUserId(),
                signal.getSymbol(),
                signal.getSide(),
                signal.getFeatures(),
                signal.getTimestamp())));
  }

  /** The challenger as it stands: its name and what it learned. */
  ModelVersion challengerVersion() {
    return challenger.version();
  }

  /** Whether this signal is a retried copy of one already seen. */
  boolean seen(Signal signal, int partition) {
    return TradeJoin.seen(signal, task(partition).state);
  }

  /** Whether the signal's outcome was learned before it: it came after the join horizon. */
  boolean learnedBefore(Signal signal, int partition) {
    return TradeJoin.learned(signal, task(partition).state);
  }

  /** Learns from a signal; returns the experiences learned, in the order live learns them. */
  List<Experience> onSignal(Signal signal, int partition, long time) {
    Task task = advance(partition, time);
    List<Experience> learned = new ArrayList<>(1);
    learned.addAll(join.onSignal(signal, time, task.state).learned());
    return sweepAndLearn(task, learned);
  }

  /**
   * Learns from an outcome. One over its user's cap on waiting outcomes is counted and otherwise
   * ignored, as live dead-letters it; the backlog reports only steer live's gateway.
   */
  List<Experience> onOutcome(TradeOutcome outcome, int partition, long time) {
    Task task = advance(partition, time);
    JoinStep step = join.onOutcome(outcome, time, task.state);
    if (step.refused()) {
      outcomesOverWaitingCap++;
    }
    List<Experience> learned = new ArrayList<>(step.learned());
    return sweepAndLearn(task, learned);
  }

  /** A record that is not learned from still moves its task's stream time, as live. */
  List<Experience> onUnlearnable(int partition, long time) {
    return sweepAndLearn(advance(partition, time), new ArrayList<>(0));
  }

  /** Outcomes not learned because their user had the most outcomes waiting already. */
  long outcomesOverWaitingCap() {
    return outcomesOverWaitingCap;
  }

  Map<StatsKey, WinStats> userStats() {
    return Collections.unmodifiableMap(stats.users());
  }

  private Task advance(int partition, long time) {
    Task task = task(partition);
    task.streamTime = Math.max(task.streamTime, time);
    return task;
  }

  private List<Experience> sweepAndLearn(Task task, List<Experience> learned) {
    if (task.sweep.due(task.streamTime)) {
      learned.addAll(join.expire(task.streamTime, task.state).learned());
    }
    for (Experience experience : learned) {
      Map<StatsKey, WinStats> users = stats.users();
      for (StatsKey key : StatsUpdates.userKeys(experience)) {
        users.put(key, StatsUpdates.plus(users.get(key), experience, halfLife));
      }
      for (KeyedContribution counted : shares.contribute(experience, ledger)) {
        stats.putCommunity(
            counted.key(),
            StatsUpdates.plus(
                stats.community().get(counted.key()), counted.contribution(), halfLife));
      }
      ChallengerInputs.learn(challenger, experience);
    }
    return learned;
  }

  private Task task(int partition) {
    return tasks.computeIfAbsent(partition, p -> new Task());
  }
}
