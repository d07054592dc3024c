package io.hivemind.replay.walk;

import io.hivemind.learning.model.ModelVersion;
import io.hivemind.replay.log.LogEvent;
import io.hivemind.replay.log.Source;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.ReplaySettings.Variant;
import io.hivemind.rules.learn.JoinKey;
import io.hivemind.rules.learn.LearnerSettings;
import io.hivemind.rules.learn.RecordCheck;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Experience;
import io.hivemind.schema.RegistryFaults;
import io.hivemind.schema.Signal;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.TradeOutcome;
import io.hivemind.schema.WinStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Walks the log forward, record by record, in the order the live learner processed it. At each
 * signal it first asks every variant's model what live would have answered (from what was learned
 * before the signal), then learns from the signal; outcomes are learned when they join. A trade's
 * own outcome is therefore never in its own confidence: it is learned at its join, after the
 * question was answered, and a signal whose outcome was learned before it arrived is not decided at
 * all (counted instead). The challenger of each variant is asked at the same moment and learns at
 * the same joins (ADR 22).
 */
public final class Walk {

  private final ReplaySettings settings;
  private final String signalsTopic;
  private final String outcomesTopic;
  private final Deserializer<Signal> signals;
  private final Deserializer<TradeOutcome> outcomes;
  private final List<VariantLearner> learners = new ArrayList<>();
  private final List<List<DecisionPoint>> decisions = new ArrayList<>();
  private final List<Map<String, DecisionPoint>> awaitingOutcome = new ArrayList<>();
  private long records;
  private long signalCount;
  private long outcomeCount;
  private long unreadable;
  private long retriedSignals;
  private long lateSignals;
  private long reported;

  public Walk(
      ReplaySettings settings, AvroSerdes serdes, String signalsTopic, String outcomesTopic) {
    this.settings = settings;
    this.signalsTopic = signalsTopic;
    this.outcomesTopic = outcomesTopic;
    this.signals = serdes.valueSerde(Signal.class).deserializer();
    this.outcomes = serdes.valueSerde(TradeOutcome.class).deserializer();
    for (Variant variant : settings.variants()) {
      learners.add(
          new VariantLearner(
              variant,
              new LearnerSettings(
                  settings.joinHorizon(),
                  variant.halfLife(),
                  variant.patternScheme(),
                  LearnerSettings.DEFAULT_COMMUNITY_CAP_PER_DAY,
                  ReplaySettings.LIVE_MAX_WAITING_OUTCOMES_PER_USER,
                  ReplaySettings.LIVE_RETRY_HORIZON)));
      decisions.add(new ArrayList<>());
      awaitingOutcome.add(new HashMap<>());
    }
  }

  public void accept(LogEvent event) {
    records++;
    if (event.source() == Source.SIGNALS) {
      Signal signal = decode(signals, signalsTopic, event);
      if (signal == null || RecordCheck.problem(event.key(), signal) != null) {
        unlearnable(event);
      } else {
        signalCount++;
        onSignal(signal, event);
      }
    } else {
      TradeOutcome outcome = decode(outcomes, outcomesTopic, event);
      if (outcome == null || RecordCheck.problem(event.key(), outcome) != null) {
        unlearnable(event);
      } else {
        outcomeCount++;
        for (int v = 0; v < learners.size(); v++) {
          settle(
              v,
              learners.get(v).onOutcome(outcome, event.partition(), event.timestamp()),
              event.timestamp());
        }
      }
    }
  }

  private void onSignal(Signal signal, LogEvent event) {
    boolean decide = settings.reports(signal.getUserId(), signal.getSymbol());
    for (int v = 0; v < learners.size(); v++) {
      VariantLearner learner = learners.get(v);
      if (learner.seen(signal, event.partition())) {
        if (v == 0) {
          retriedSignals++;
        }
      } else if (learner.learnedBefore(signal, event.partition())) {
        if (v == 0) {
          lateSignals++;
        }
      } else if (decide) {
        DecisionPoint point =
            new DecisionPoint(
                signal,
                event.timestamp(),
                learner.answer(signal),
                learner.challengerAnswer(signal),
                settings.decidesOnChallenger());
        decisions.get(v).add(point);
        awaitingOutcome.get(v).put(JoinKey.of(signal.getUserId(), signal.getSignalId()), point);
        if (v == 0) {
          reported++;
        }
      }
      settle(v, learner.onSignal(signal, event.partition(), event.timestamp()), event.timestamp());
    }
  }

  private void unlearnable(LogEvent event) {
    unreadable++;
    for (int v = 0; v < learners.size(); v++) {
      settle(
          v,
          learners.get(v).onUnlearnable(event.partition(), event.timestamp()),
          event.timestamp());
    }
  }

  private void settle(int variant, List<Experience> learned, long recordTime) {
    for (Experience experience : learned) {
      DecisionPoint point =
          awaitingOutcome
              .get(variant)
              .remove(JoinKey.of(experience.getUserId(), experience.getSignalId()));
      if (point != null && experience.getSignalMatched()) {
        point.learned(experience, recordTime);
      }
    }
  }

  /**
   * The event's record, or null when its bytes are not one. A schema registry that cannot be
   * reached says nothing about the bytes: the walk stops with a {@link
   * io.hivemind.schema.RegistryUnavailableException} rather than count a record it could not read
   * as unreadable, as live learning waits for the registry rather than dead-letter it.
   */
  private static <T> T decode(Deserializer<T> deserializer, String topic, LogEvent event) {
    try {
      return event.value() == null ? null : deserializer.deserialize(topic, event.value());
    } catch (RuntimeException e) {
      RegistryFaults.throwIfTransport(
          e,
          topic
              + " (partition "
              + event.partition()
              + ", offset "
              + event.offset()
              + "); the replay stopped, run it again once the registry answers");
      return null; // live sends it to the dead-letter topic and carries on; so does the walk
    }
  }

  public WalkCounts counts() {
    return new WalkCounts(
        records,
        signalCount,
        outcomeCount,
        unreadable,
        retriedSignals,
        lateSignals,
        reported,
        learners.isEmpty() ? 0 : learners.get(0).outcomesOverWaitingCap());
  }

  /** Per variant, in the order of {@link ReplaySettings#variants()}: its decisions, in order. */
  public List<List<DecisionPoint>> decisions() {
    return decisions;
  }

  /** Per variant: the challenger's name and what it learned by the end of the walk. */
  public List<ModelVersion> challengerVersions() {
    return learners.stream().map(VariantLearner::challengerVersion).toList();
  }

  /** Per variant: the user statistics learned, as live's {@code user-stats} would hold them. */
  public List<Map<StatsKey, WinStats>> userStats() {
    return learners.stream().map(VariantLearner::userStats).toList();
  }
}
