package io.hivemind.simulator.score;

import java.util.concurrent.atomic.LongAdder;

/**
 * The fleet's running totals, updated by every bot thread at once. Money is counted in cents so the
 * total does not depend on the order threads add in.
 */
public final class FleetTally {

  /**
   * A consistent-enough copy of the totals for printing (each counter is read once; counters move
   * independently while a run is live).
   */
  public record Snapshot(
      long opportunities,
      long taken,
      long explored,
      long skippedBelowThreshold,
      long skippedNotActive,
      long skippedNoAnswer,
      long closed,
      long wins,
      long pnlCents,
      long signalsSent,
      long outcomesSent,
      long heartbeatsSent,
      long retries,
      long rejects,
      long errors) {

    public long skipped() {
      return skippedBelowThreshold + skippedNotActive + skippedNoAnswer;
    }

    /** Wins over closed trades; NaN before the first trade closed. */
    public double winRate() {
      return closed == 0 ? Double.NaN : (double) wins / closed;
    }

    public double pnl() {
      return pnlCents / 100.0;
    }
  }

  private final LongAdder opportunities = new LongAdder();
  private final LongAdder taken = new LongAdder();
  private final LongAdder explored = new LongAdder();
  private final LongAdder skippedBelowThreshold = new LongAdder();
  private final LongAdder skippedNotActive = new LongAdder();
  private final LongAdder skippedNoAnswer = new LongAdder();
  private final LongAdder closed = new LongAdder();
  private final LongAdder wins = new LongAdder();
  private final LongAdder pnlCents = new LongAdder();
  private final LongAdder signalsSent = new LongAdder();
  private final LongAdder outcomesSent = new LongAdder();
  private final LongAdder heartbeatsSent = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder rejects = new LongAdder();
  private final LongAdder errors = new LongAdder();

  public void opportunity() {
    opportunities.increment();
  }

  /** A trade entered; {@code exploring} when the service's answer was below the threshold. */
  public void taken(boolean exploring) {
    taken.increment();
    if (exploring) {
      explored.increment();
    }
  }

  public void skippedBelowThreshold() {
    skippedBelowThreshold.increment();
  }

  /** Skipped because the trading state allowed no new entries (paused, halted, maintenance). */
  public void skippedNotActive() {
    skippedNotActive.increment();
  }

  /** Skipped because the service could not be asked (failed after retries, or rejected). */
  public void skippedNoAnswer() {
    skippedNoAnswer.increment();
  }

  public void closed(boolean won, double pnl) {
    closed.increment();
    if (won) {
      wins.increment();
    }
    pnlCents.add(Math.round(pnl * 100));
  }

  public void signalSent() {
    signalsSent.increment();
  }

  public void outcomeSent() {
    outcomesSent.increment();
  }

  public void heartbeatSent() {
    heartbeatsSent.increment();
  }

  /** One more attempt of a request that failed in a way worth retrying. */
  public void retry() {
    retries.increment();
  }

  /** A request the server refused as invalid (4xx other than 429): not retried. */
  public void reject() {
    rejects.increment();
  }

  /** A request that failed for good: retries exhausted, or a server error not worth retrying. */
  public void error() {
    errors.increment();
  }

  public Snapshot snapshot() {
    return new Snapshot(
        opportunities.sum(),
        taken.sum(),
        explored.sum(),
        skippedBelowThreshold.sum(),
        skippedNotActive.sum(),
        skippedNoAnswer.sum(),
        closed.sum(),
        wins.sum(),
        pnlCents.sum(),
        signalsSent.sum(),
        outcomesSent.sum(),
        heartbeatsSent.sum(),
        retries.sum(),
        rejects.sum(),
        errors.sum());
  }
}
