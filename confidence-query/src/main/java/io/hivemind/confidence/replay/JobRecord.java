package io.hivemind.confidence.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.settings.WalkForwardSettings;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a replay job's {@code job.json} holds: the instance that runs it, the settings as validated
 * (in the request's shape, so the same body starts the same replay again), the planned record
 * count, the times and how it ended.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRecord(
    @JsonProperty("id") UUID id,
    @JsonProperty("owner") String owner,
    @JsonProperty("status") JobStatus status,
    @JsonProperty("settings") ReplayRequest settings,
    @JsonProperty("records") long records,
    @JsonProperty("created") Instant created,
    @JsonProperty("started") Instant started,
    @JsonProperty("finished") Instant finished,
    @JsonProperty("error") String error,
    @JsonProperty("headlines") List<Headline> headlines,
    @JsonProperty("kind") JobKind kind,
    @JsonProperty("walk_forward") WalkForwardRequest walkForward) {

  static final String INTERRUPTED = "interrupted by a restart";

  /** Records written before walk-forward jobs existed name no kind: they are replays. */
  public JobRecord {
    kind = kind == null ? JobKind.REPLAY : kind;
  }

  static JobRecord queued(
      UUID id, String owner, ReplaySettings settings, long records, Instant now) {
    return new JobRecord(
        id,
        owner,
        JobStatus.QUEUED,
        settings.asRequest(),
        records,
        now,
        null,
        null,
        null,
        null,
        JobKind.REPLAY,
        null);
  }

  static JobRecord queued(
      UUID id, String owner, WalkForwardSettings settings, long records, Instant now) {
    return new JobRecord(
        id,
        owner,
        JobStatus.QUEUED,
        null,
        records,
        now,
        null,
        null,
        null,
        null,
        JobKind.WALK_FORWARD,
        settings.asRequest());
  }

  JobRecord running(Instant now) {
    return new JobRecord(
        id,
        owner,
        JobStatus.RUNNING,
        settings,
        records,
        created,
        now,
        null,
        null,
        null,
        kind,
        walkForward);
  }

  JobRecord done(Instant now, List<Headline> results) {
    return new JobRecord(
        id,
        owner,
        JobStatus.DONE,
        settings,
        records,
        created,
        started,
        now,
        null,
        results,
        kind,
        walkForward);
  }

  JobRecord failed(Instant now, String reason) {
    return new JobRecord(
        id,
        owner,
        JobStatus.FAILED,
        settings,
        records,
        created,
        started,
        now,
        reason,
        null,
        kind,
        walkForward);
  }

  JobRecord cancelled(Instant now) {
    return new JobRecord(
        id,
        owner,
        JobStatus.CANCELLED,
        settings,
        records,
        created,
        started,
        now,
        null,
        null,
        kind,
        walkForward);
  }
}
