package io.hivemind.confidence.query;

/**
 * How far behind a copy of a user's statistics may be and still answer (ADR 17).
 *
 * @param caughtUp the active copy answers, as fresh, only within this many records of its
 *     partition's end: a new application id or an emptied instance answers 503 until then
 * @param maxStale a standby answers, marked stale with its lag, only within this many records of
 *     the changelog's end (ksqlDB's {@code max.allowed.offset.lag})
 */
record LagBounds(long caughtUp, long maxStale) {

  LagBounds {
    if (caughtUp < 0 || maxStale < 0) {
      throw new IllegalArgumentException("lag bounds must not be negative");
    }
  }
}
