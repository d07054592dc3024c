package io.hivemind.replay.log;

/** The two topics a replay reads, in the order ties between them are broken. */
public enum Source {
  SIGNALS,
  OUTCOMES
}
