package io.hivemind.rules.learn;

import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;
import io.hivemind.schema.TradeOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins outcomes to their signals and learns each outcome once: at once when its signal is known,
 * otherwise when the signal arrives or, if it never does, once the log's time has passed the
 * outcome's arrival by the join horizon. A retried POST counts once: the first copy of a signal and
 * the first outcome per signal win, within the retry horizon: signals and learned outcomes are
 * remembered that long (in the log's time), then forgotten, so the join's memory stays as large as
 * the traffic of one retry horizon. Times are the records' (the log's), never the wall clock's, so
 * the same log gives the same experiences on every run.
 *
 * <p>A user has at most {@code maxWaitingPerUser} outcomes waiting for their signal: one more is
 * refused (not learned, not remembered), so outcomes without signals cannot pile up. Reaching the
 * cap, and going back below it, is reported as a {@link JoinStep.Backlog} for the gateway to refuse
 * such outcomes early; a refusal reports the backlog full again, so a gateway that missed it (or a
 * cap lowered over a backlog) learns it from the next refusal.
 */
public final class TradeJoin {

  /** How often, in the log's time, waiting outcomes are checked against the horizon. */
  public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  private final ExperienceFactory experiences;
  private final Duration horizon;
  private final long maxWaitingPerUser;
  private final Duration retryHorizon;

  /**
   * @param retryHorizon how long (in the log's time) signals and learned outcomes are remembered to
   *     recognise a retried POST; longer than {@code horizon}, and at least the gateway's maximum
   *     event age plus a margin, since a retry carries the first copy's event time
   */
  public TradeJoin(
      ExperienceFactory experiences,
      Duration horizon,
      long maxWaitingPerUser,
      Duration retryHorizon) {
    if (maxWaitingPerUser < 1) {
      throw new IllegalArgumentException("maxWaitingPerUser must be >= 1");
    }
    if (retryHorizon.compareTo(horizon) <= 0) {
      throw new IllegalArgumentException("retryHorizon must be longer than the join horizon");
    }
    this.experiences = experiences;
    this.horizon = horizon;
    this.maxWaitingPerUser = maxWaitingPerUser;
    this.retryHorizon = retryHorizon;
  }

  /** A signal arrived at {@code time}: the experience it completes, if its outcome was waiting. */
  public JoinStep onSignal(Signal signal, long time, JoinState state) {
    String id = JoinKey.of(signal.getUserId(), signal.getSignalId());
    if (state.signal(id) != null) {
      return JoinStep.NOTHING; // a retried POST: the first copy counts
    }
    state.putSignal(id, signal, time);
    TradeOutcome waiting = state.removePending(id);
    if (waiting == null) {
      return JoinStep.NOTHING;
    }
    state.markLearned(id, time);
    List<JoinStep.Backlog> backlogs = new ArrayList<>(0);
    lessWaiting(waiting.getUserId(), 1, state, backlogs);
    return JoinStep.learned(experiences.matched(signal, waiting), backlogs);
  }

  /**
   * An outcome arrived at {@code time}: its experience, if its signal is known; else it waits, or
   * is refused when its user already has the most outcomes waiting.
   */
  public JoinStep onOutcome(TradeOutcome outcome, long time, JoinState state) {
    String id = JoinKey.of(outcome.getUserId(), outcome.getSignalId());
    if (state.isLearned(id) || state.isPending(id)) {
      return JoinStep.NOTHING; // one outcome per signal: a retried POST counts once
    }
    Signal signal = state.signal(id);
    if (signal != null) {
      state.markLearned(id, time);
      return JoinStep.learned(experiences.matched(signal, outcome), List.of());
    }
    String user = outcome.getUserId();
    long waiting = state.waitingOf(user);
    if (waiting >= maxWaitingPerUser) {
      return new JoinStep(
          List.of(), List.of(new JoinStep.Backlog(user, waiting, true)), refusal(waiting));
    }
    state.putPending(id, outcome, time);
    state.putWaitingOf(user, waiting + 1);
    return waiting + 1 == maxWaitingPerUser
        ? new JoinStep(List.of(), List.of(new JoinStep.Backlog(user, waiting + 1, true)), null)
        : JoinStep.NOTHING;
  }

  /**
   * The log has reached {@code time}: outcomes that waited past the horizon, learned without,
   * oldest arrival first; signals and learned outcomes older than the retry horizon forgotten.
   */
  public JoinStep expire(long time, JoinState state) {
    state.forgetBy(time - retryHorizon.toMillis());
    List<TradeOutcome> expired = state.removePendingArrivedBy(time - horizon.toMillis());
    if (expired.isEmpty()) {
      return JoinStep.NOTHING;
    }
    List<Experience> learned = new ArrayList<>(expired.size());
    Map<String, Integer> perUser = new LinkedHashMap<>();
    for (TradeOutcome outcome : expired) {
      state.markLearned(JoinKey.of(outcome.getUserId(), outcome.getSignalId()), time);
      learned.add(experiences.withoutSignal(outcome));
      perUser.merge(outcome.getUserId(), 1, Integer::sum);
    }
    List<JoinStep.Backlog> backlogs = new ArrayList<>(0);
    perUser.forEach((user, count) -> lessWaiting(user, count, state, backlogs));
    return new JoinStep(learned, backlogs, null);
  }

  /**
   * {@code count} of the user's waiting outcomes stopped waiting. Reports the backlog no longer
   * full when it went below the cap from at or above it, or emptied (which also clears a full
   * backlog reported under a lower cap than today's).
   */
  private void lessWaiting(
      String user, long count, JoinState state, List<JoinStep.Backlog> backlogs) {
    long before = state.waitingOf(user);
    long after = Math.max(0, before - count); // a backlog counted before the cap existed is 0
    state.putWaitingOf(user, after);
    if (after < maxWaitingPerUser && (before >= maxWaitingPerUser || after == 0)) {
      backlogs.add(new JoinStep.Backlog(user, after, false));
    }
  }

  private String refusal(long waiting) {
    return waiting
        + " outcomes of this user are waiting for their signals (at most "
        + maxWaitingPerUser
        + "); post the signals first";
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
