package io.hivemind.rules.learn;

import io.hivemind.schema.Experience;
import java.util.List;

/**
 * What one step of the {@link TradeJoin} produced: the experiences learned, in the order they are
 * learned; the users whose backlog of waiting outcomes became full or stopped being full; and, when
 * the step was an outcome that was not taken, why ({@code refusal}, else null).
 */
public record JoinStep(List<Experience> learned, List<Backlog> backlogs, String refusal) {

  static final JoinStep NOTHING = new JoinStep(List.of(), List.of(), null);

  public JoinStep {
    learned = List.copyOf(learned);
    backlogs = List.copyOf(backlogs);
  }

  static JoinStep learned(Experience experience, List<Backlog> backlogs) {
    return new JoinStep(List.of(experience), backlogs, null);
  }

  public boolean refused() {
    return refusal != null;
  }

  /**
   * A user's backlog of outcomes waiting for their signal: {@code full} when it reached the cap
   * (the gateway refuses the user's outcomes until it is not), else it went back below the cap.
   */
  public record Backlog(String userId, long waiting, boolean full) {}
}
