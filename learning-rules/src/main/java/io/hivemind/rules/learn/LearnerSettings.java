package io.hivemind.rules.learn;

import io.hivemind.learning.pattern.PatternScheme;
import java.time.Duration;

/**
 * How the learner learns. {@code joinHorizon}: how long (in event time) an outcome waits for its
 * signal before it is learned without it. {@code halfLife}: of the time-decayed counts.
 */
public record LearnerSettings(Duration joinHorizon, Duration halfLife, PatternScheme scheme) {

  public LearnerSettings {
    if (joinHorizon.isNegative() || halfLife.isZero() || halfLife.isNegative()) {
      throw new IllegalArgumentException("joinHorizon must be >= 0 and halfLife > 0");
    }
  }
}
