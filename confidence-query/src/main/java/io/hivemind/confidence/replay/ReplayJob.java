package io.hivemind.confidence.replay;

import io.hivemind.replay.ReplayProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One job of this process (a replay or a walk-forward): its work, its record (saved at every change
 * of status) and its progress. Status moves forward only: a job cancelled while queued never
 * starts, and a job that has ended stays as it ended.
 */
final class ReplayJob {

  /** The long part of a job: runs it, writes its files into the directory, sums it up. */
  @FunctionalInterface
  interface Work {
    List<Headline> run(Path dir, Consumer<ReplayProgress> progress, BooleanSupplier cancelled)
        throws IOException;
  }

  private final Work work;
  private final JobStore store;
  private JobRecord record; // guarded by this
  private volatile ReplayProgress progress;
  private volatile boolean cancelRequested;

  ReplayJob(JobRecord record, Work work, JobStore store) {
    this.record = record;
    this.work = work;
    this.store = store;
    store.save(record);
  }

  Work work() {
    return work;
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
