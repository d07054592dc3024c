package io.hivemind.confidence.replay;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a replay job is in its life; the last three are final. */
public enum JobStatus {
  @JsonProperty("queued")
  QUEUED,
  @JsonProperty("running")
  RUNNING,
  @JsonProperty("done")
  DONE,
  @JsonProperty("failed")
  FAILED,
  @JsonProperty("cancelled")
  CANCELLED;

  public boolean isFinal() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}
