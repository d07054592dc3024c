package io.hivemind.confidence.replay;

import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayProgress;
import java.time.Instant;
import java.util.List;

/**
 * One replay of this process: its plan, its record (saved at every change of status) and its
 * progress. Status moves forward only: a job cancelled while queued never starts, and a job that
 * has ended stays as it ended.
 */
final class ReplayJob {

  private final Replay.Plan plan;
  private final JobStore store;
  private JobRecord record; // guarded by this
  private volatile ReplayProgress progress;
  private volatile boolean cancelRequested;

  ReplayJob(JobRecord record, Replay.Plan plan, JobStore store) {
    this.record = record;
    this.plan = plan;
    this.store = store;
    store.save(record);
  }

  Replay.Plan plan() {
    return plan;
  }

  synchronized JobSnapshot snapshot() {
    return new JobSnapshot(record, record.status() == JobStatus.RUNNING ? progress : null);
  }

  void progress(ReplayProgress now) {
    progress = now;
  }

  boolean cancelRequested() {
    return cancelRequested;
  }

  /** False when the job no longer waits to start (it was cancelled). */
  synchronized boolean start(Instant now) {
    if (record.status() != JobStatus.QUEUED) {
      return false;
    }
    save(record.running(now));
    return true;
  }

  synchronized void done(Instant now, List<Headline> headlines) {
    if (!record.status().isFinal()) {
      save(record.done(now, headlines));
    }
  }

  synchronized void failed(Instant now, String reason) {
    if (!record.status().isFinal()) {
      save(record.failed(now, reason));
    }
  }

  synchronized void cancelled(Instant now) {
    if (!record.status().isFinal()) {
      save(record.cancelled(now));
    }
  }

  /**
   * A queued job is cancelled at once; a running one is asked to stop and says so within about a
   * second. Returns the status after asking.
   */
  synchronized JobStatus cancel(Instant now) {
    cancelRequested = true;
    if (record.status() == JobStatus.QUEUED) {
      save(record.cancelled(now));
    }
    return record.status();
  }

  private void save(JobRecord next) {
    store.save(next);
    record = next;
  }
}
