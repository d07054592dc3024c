package io.hivemind.rules.learn;

import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins outcomes to their signals and learns each outcome once: at once when its signal is known,
 * otherwise when the signal arrives or, if it never does, once the log's time has passed the
 * outcome's arrival by the join horizon. A retried POST counts once: the first copy of a signal and
 * the first outcome per signal win. Times are the records' (the log's), never the wall clock's, so
 * the same log gives the same experiences on every run.
 */
public final class TradeJoin {

  /** How often, in the log's time, waiting outcomes are checked against the horizon. */
  public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  private final ExperienceFactory experiences;
  private final Duration horizon;

  public TradeJoin(ExperienceFactory experiences, Duration horizon) {
    this.experiences = experiences;
    this.horizon = horizon;
  }

  /** A signal arrived at {@code time}: the experience it completes, if its outcome was waiting. */
  public Optional<Experience> onSignal(Signal signal, long time, JoinState state) {
    String id = JoinKey.of(signal.getUserId(), signal.getSignalId());
    if (state.signal(id) != null) {
      return Optional.empty(); // a retried POST: the first copy counts
    }
    state.putSignal(id, signal);
    TradeOutcome waiting = state.removePending(id);
    if (waiting == null) {
      return Optional.empty();
    }
    state.markLearned(id, time);
    return Optional.of(experiences.matched(signal, waiting));
  }

  /** An outcome arrived at {@code time}: its experience, if its signal is known. */
  public Optional<Experience> onOutcome(TradeOutcome outcome, long time, JoinState state) {
    String id = JoinKey.of(outcome.getUserId(), outcome.getSignalId());
    if (state.isLearned(id) || state.isPending(id)) {
      return Optional.empty(); // one outcome per signal: a retried POST counts once
    }
    Signal signal = state.signal(id);
    if (signal == null) {
      state.putPending(id, outcome, time);
      return Optional.empty();
    }
    state.markLearned(id, time);
    return Optional.of(experiences.matched(signal, outcome));
  }

  /** The log has reached {@code time}: outcomes that waited past the horizon, learned without. */
  public List<Experience> expire(long time, JoinState state) {
    List<TradeOutcome> expired = state.removePendingArrivedBy(time - horizon.toMillis());
    List<Experience> learned = new ArrayList<>(expired.size());
    for (TradeOutcome outcome : expired) {
      state.markLearned(JoinKey.of(outcome.getUserId(), outcome.getSignalId()), time);
      learned.add(experiences.withoutSignal(outcome));
    }
    return learned;
  }

  /** Whether a copy of this signal has been joined already. */
  public static boolean seen(Signal signal, JoinState state) {
    return state.signal(JoinKey.of(signal.getUserId(), signal.getSignalId())) != null;
  }

  /** Whether signal {@code signal}'s outcome has been learned already. */
  public static boolean learned(Signal signal, JoinState state) {
    return state.isLearned(JoinKey.of(signal.getUserId(), signal.getSignalId()));
  }
}
