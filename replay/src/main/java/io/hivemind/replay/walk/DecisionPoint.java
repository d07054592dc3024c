package io.hivemind.replay.walk;

import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.rules.answer.ConfidenceAnswer;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import io.hivemind.schema.Signal;

/**
 * A signal the replay decided on: the confidence live would have served for it (from what was
 * learned before it), the challenger's probability from the same point of the log, and, once
 * learned, the trade's result if live traded it. The decisions ({@link #takenAt}) follow the chosen
 * model's probability ({@link #winProbability()}), the pattern model's unless the replay's {@code
 * model} setting picked the challenger. Only the figures the report needs are kept, not the
 * records: a replay holds one of these per signal.
 */
public final class DecisionPoint {

  private final String userId;
  private final String signalId;
  private final String symbol;
  private final Side side;
  private final long signalTime;
  private final long recordTime;
  private final double probability;
  private final double patternProbability;
  private final double challengerProbability;
  private final double low;
  private final double high;
  private final long userTrades;
  private final long communityTrades;
  private boolean traded;
  private double pnl;
  private boolean win;
  private long exitTime;
  private long learnedAt;

  DecisionPoint(
      Signal signal,
      long recordTime,
      ConfidenceAnswer answer,
      double challengerProbability,
      boolean decideOnChallenger) {
    this.userId = signal.getUserId();
    this.signalId = signal.getSignalId();
    this.symbol = signal.getSymbol();
    this.side = signal.getSide();
    this.signalTime = signal.getTimestamp().toEpochMilli();
    this.recordTime = recordTime;
    this.patternProbability = answer.confidence().probability();
    this.challengerProbability = challengerProbability;
    this.probability = decideOnChallenger ? challengerProbability : patternProbability;
    this.low = answer.confidence().low();
    this.high = answer.confidence().high();
    this.userTrades = answer.userTrades();
    this.communityTrades = answer.communityTrades();
  }

  void learned(Experience experience, long recordTime) {
    traded = true;
    learnedAt = recordTime;
    pnl = experience.getPnl();
    win = experience.getWin();
    exitTime = experience.getExitTime().toEpochMilli();
  }

  public String userId() {
    return userId;
  }

  public String signalId() {
    return signalId;
  }

  public String symbol() {
    return symbol;
  }

  public Side side() {
    return side;
  }

  /** The signal's own (event) time, epoch milliseconds. */
  public long signalTime() {
    return signalTime;
  }

  /** When the cloud got the signal, epoch milliseconds. */
  public long recordTime() {
    return recordTime;
  }

  /** The chosen model's probability: what the thresholds decide on. */
  public double winProbability() {
    return probability;
  }

  /** The pattern model's (live's) probability. */
  /** The probability the named model ({@code pattern} or {@code challenger}) gave this signal. */
  public double probability(String model) {
    return ReplaySettings.CHALLENGER_MODEL.equals(model)
        ? challengerProbability
        : patternProbability;
  }

  public double patternProbability() {
    return patternProbability;
  }

  public double challengerProbability() {
    return challengerProbability;
  }

  /** The pattern model's interval: the challenger gives none. */
  public double intervalLow() {
    return low;
  }

  public double intervalHigh() {
    return high;
  }

  /** The user's own trades at the question's pattern when it was answered. */
  public long userTrades() {
    return userTrades;
  }

  public long communityTrades() {
    return communityTrades;
  }

  public boolean takenAt(double threshold) {
    return probability >= threshold;
  }

  /** Whether live traded it: its outcome is in the log. Then pnl, win and exit time are known. */
  public boolean traded() {
    return traded;
  }

  public double pnl() {
    return pnl;
  }

  public boolean win() {
    return win;
  }

  public long exitTime() {
    return exitTime;
  }

  /**
   * The record time at which the trade was learned (the record that completed its join), epoch
   * milliseconds: from then on its outcome was known. Walk-forward counts a trade in an in-sample
   * window only when it was known before the window closed.
   */
  public long learnedAt() {
    return learnedAt;
  }
}
