package io.hivemind.learner.topology;

import io.hivemind.rules.learn.JoinStep;
import io.hivemind.schema.Experience;
import io.hivemind.schema.TradeOutcome;

/**
 * What the join processors forward: an experience to learn, a user's backlog of waiting outcomes
 * that became full or stopped being full (for the gateway), or an outcome over its user's cap,
 * bound for the dead-letter topic with its reason in headers.
 */
sealed interface JoinOutput {

  record Learned(Experience experience) implements JoinOutput {}

  record Backlog(JoinStep.Backlog backlog) implements JoinOutput {

    /** The backlog topic's value: how many wait while full, a tombstone once not. */
    Long value() {
      return backlog.full() ? backlog.waiting() : null;
    }
  }

  record Refused(TradeOutcome outcome) implements JoinOutput {}
}
