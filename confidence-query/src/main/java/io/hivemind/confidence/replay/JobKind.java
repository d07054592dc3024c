package io.hivemind.confidence.replay;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a job runs: a replay, or a walk-forward optimisation (which has no decisions.csv). */
public enum JobKind {
  @JsonProperty("replay")
  REPLAY,
  @JsonProperty("walk_forward")
  WALK_FORWARD
}
