package io.hivemind.simulator.bot;

import java.util.Optional;

/** Whether a bot enters on a signal, given the service's answer, and why. */
public enum EntryDecision {
  /** The answer is at or above the bot's threshold. */
  TAKE,
  /** Below the threshold, but taken to keep learning about such trades. */
  EXPLORE,
  SKIP_BELOW_THRESHOLD,
  /** The trading state allows no new entries (paused, halted, maintenance, out of hours). */
  SKIP_NOT_ACTIVE,
  /** The service could not be asked; a bot does not trade blind. */
  SKIP_NO_ANSWER;

  public boolean enters() {
    return this == TAKE || this == EXPLORE;
  }

  /**
   * @param exploring whether this opportunity is one the bot would take as exploration
   */
  public static EntryDecision decide(
      Optional<ConfidenceAnswer> answer, double threshold, boolean exploring) {
    if (answer.isEmpty()) {
      return SKIP_NO_ANSWER;
    }
    if (!answer.get().allowsEntries()) {
      return SKIP_NOT_ACTIVE;
    }
    if (answer.get().winProbability() >= threshold) {
      return TAKE;
    }
    return exploring ? EXPLORE : SKIP_BELOW_THRESHOLD;
  }
}
