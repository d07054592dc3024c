package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.hivemind.confidence.replay.JobKind;
import io.hivemind.confidence.replay.JobRecord;
import io.hivemind.confidence.replay.JobSnapshot;
import io.hivemind.confidence.replay.JobStatus;
import io.hivemind.replay.ReplayProgress;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.WalkForwardRequest;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /api/replay/{id}}: the job, its progress while it runs, and once done the report
 * exactly as report.json has it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplayJobResponse(
    @JsonProperty("id") UUID id,
    @JsonProperty("status") JobStatus status,
    @JsonProperty("kind") JobKind kind,
    @JsonProperty("settings") ReplayRequest settings,
    @JsonProperty("walk_forward") WalkForwardRequest walkForward,
    @JsonProperty("records") long records,
    @JsonProperty("created") Instant created,
    @JsonProperty("started") Instant started,
    @JsonProperty("finished") Instant finished,
    @JsonProperty("error") String error,
    @JsonProperty("progress") ReplayProgress progress,
    @JsonProperty("report") @JsonRawValue String report,
    @JsonProperty("links") ReplayLinks links) {

  /**
   * @param reportJson report.json's content, or null when there is none
   */
  static ReplayJobResponse of(JobSnapshot snapshot, String reportJson) {
    JobRecord record = snapshot.record();
    return new ReplayJobResponse(
        record.id(),
        record.status(),
        record.kind(),
        record.settings(),
        record.walkForward(),
        record.records(),
        record.created(),
        record.started(),
        record.finished(),
        record.error(),
        snapshot.progress(),
        reportJson == null ? null : reportJson.strip(),
        ReplayLinks.of(record));
  }
}
