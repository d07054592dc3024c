package io.hivemind.replay.walk;

/**
 * When a live task would run its stream-time punctuation: aligned to multiples of the interval,
 * first as soon as there is stream time, then once stream time reaches the next multiple (Kafka
 * Streams' {@code PunctuationSchedule}). Live, the task runs due punctuations after a batch of
 * records rather than after each one; this clock runs them after each record, the earliest point
 * live could.
 */
final class SweepClock {

  private final long intervalMillis;
  private long next;

  SweepClock(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  /** Whether the sweep is due at stream time {@code streamTime}; if so, schedules the next. */
  boolean due(long streamTime) {
    if (streamTime < next) {
      return false;
    }
    long following = next + intervalMillis;
    if (streamTime >= following) {
      following = next + ((streamTime - next) / intervalMillis + 1) * intervalMillis;
    }
    next = following;
    return true;
  }
}
