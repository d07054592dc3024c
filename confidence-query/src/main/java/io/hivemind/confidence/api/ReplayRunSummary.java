package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.confidence.replay.Headline;
import io.hivemind.confidence.replay.JobKind;
import io.hivemind.confidence.replay.JobRecord;
import io.hivemind.confidence.replay.JobStatus;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.WalkForwardRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One run in {@code GET /api/replay/historical}: what it was asked, how it ended, its figures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplayRunSummary(
    @JsonProperty("id") UUID id,
    @JsonProperty("status") JobStatus status,
    @JsonProperty("created") Instant created,
    @JsonProperty("finished") Instant finished,
    @JsonProperty("kind") JobKind kind,
    @JsonProperty("settings") ReplayRequest settings,
    @JsonProperty("walk_forward") WalkForwardRequest walkForward,
    @JsonProperty("records") long records,
    @JsonProperty("error") String error,
    @JsonProperty("headlines") List<Headline> headlines,
    @JsonProperty("links") ReplayLinks links) {

  static ReplayRunSummary of(JobRecord record) {
    return new ReplayRunSummary(
        record.id(),
        record.status(),
        record.created(),
        record.finished(),
        record.kind(),
        record.settings(),
        record.walkForward(),
        record.records(),
        record.error(),
        record.headlines(),
        ReplayLinks.of(record));
  }
}
