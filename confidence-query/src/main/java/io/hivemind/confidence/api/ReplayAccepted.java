package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.confidence.replay.JobRecord;
import io.hivemind.confidence.replay.JobStatus;
import java.util.UUID;

/** The answer to {@code POST /api/replay/simulate}: the job is queued, and where to follow it. */
record ReplayAccepted(
    @JsonProperty("id") UUID id,
    @JsonProperty("status") JobStatus status,
    @JsonProperty("records") long records,
    @JsonProperty("links") ReplayLinks links) {

  static ReplayAccepted of(JobRecord record) {
    return new ReplayAccepted(
        record.id(), record.status(), record.records(), ReplayLinks.of(record));
  }
}
