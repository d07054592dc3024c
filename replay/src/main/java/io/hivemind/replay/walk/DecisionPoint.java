package io.hivemind.replay.walk;

import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Signal;

/**
 * A signal the replay decided on: the confidence live would have served for it (from what was
 * learned before it), and, once learned, the trade's result if live traded it.
 */
public final class DecisionPoint {

  private final Signal signal;
  private final long recordTime;
  private final ConfidenceAnswer answer;
  private Experience outcome;

  DecisionPoint(Signal signal, long recordTime, ConfidenceAnswer answer) {
    this.signal = signal;
    this.recordTime = recordTime;
    this.answer = answer;
  }

  void learned(Experience experience) {
    this.outcome = experience;
  }

  public Signal signal() {
    return signal;
  }

  public long recordTime() {
    return recordTime;
  }

  public ConfidenceAnswer answer() {
    return answer;
  }

  public double winProbability() {
    return answer.confidence().probability();
  }

  public boolean takenAt(double threshold) {
    return winProbability() >= threshold;
  }

  /** Whether live traded it: its outcome is in the log. */
  public boolean traded() {
    return outcome != null;
  }

  /** The traded outcome, or null. */
  public Experience outcome() {
    return outcome;
  }
}
