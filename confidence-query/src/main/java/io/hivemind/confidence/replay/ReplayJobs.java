package io.hivemind.confidence.replay;

import io.hivemind.replay.Replay;
import io.hivemind.replay.ReplayOutput;
import io.hivemind.replay.ReplayProgress;
import io.hivemind.replay.ReplayResult;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Replays and walk-forward optimisations as asynchronous jobs: a checked plan is queued ({@link
 * JobQueue}), run, and its files written into the job's directory ({@link JobStore}). This
 * process's unfinished jobs are held in memory for their progress; every job, finished or not, is
 * on disk.
 */
public final class ReplayJobs implements AutoCloseable {

  /** The long part of a replay ({@link Replay#run} in production). */
  @FunctionalInterface
  public interface Runner {
    ReplayResult run(
        Replay.Plan plan, Consumer<ReplayProgress> progress, BooleanSupplier cancelled);
  }

  /** The long part of a walk-forward ({@link WalkForwardReplay#run} in production). */
  @FunctionalInterface
  public interface WalkForwardRunner {
    WalkForwardReplay.Result run(
        WalkForwardReplay.Plan plan, Consumer<ReplayProgress> progress, BooleanSupplier cancelled);
  }

  private static final Logger LOG = Logger.getLogger(ReplayJobs.class);

  private final JobStore store;
  private final String owner;
  private final JobQueue queue;
  private final Runner runner;
  private final WalkForwardRunner walkForwardRunner;
  private final Clock clock;
  private final Map<UUID, ReplayJob> unfinished = new ConcurrentHashMap<>();
  private final Map<UUID, Runnable> waiting = new ConcurrentHashMap<>();
  private volatile boolean closing;

  /**
   * @param owner this instance, as its jobs' records name it
   * @param capacity how many jobs may wait while one runs
   */
  public ReplayJobs(
      JobStore store,
      String owner,
      int capacity,
      Runner runner,
      WalkForwardRunner walkForwardRunner,
      Clock clock) {
    this.store = store;
    this.owner = owner;
    this.queue = new JobQueue(capacity);
    this.runner = runner;
    this.walkForwardRunner = walkForwardRunner;
    this.clock = clock;
  }

  /** Queues the plan as a new job; empty when the queue is full. */
  public Optional<JobRecord> submit(Replay.Plan plan) {
    UUID id = UUID.randomUUID();
    return submit(
        JobRecord.queued(id, owner, plan.settings(), plan.records(), clock.instant()),
        (dir, progress, cancelled) -> {
          ReplayResult result = runner.run(plan, progress, cancelled);
          ReplayOutput.write(plan.settings(), result, dir);
          return Headline.of(result.report());
        });
  }

  /** Queues a walk-forward optimisation in the same queue; empty when the queue is full. */
  public Optional<JobRecord> submit(WalkForwardReplay.Plan plan) {
    UUID id = UUID.randomUUID();
    return submit(
        JobRecord.queued(id, owner, plan.settings(), plan.records(), clock.instant()),
        (dir, progress, cancelled) -> {
          WalkForwardReplay.Result result = walkForwardRunner.run(plan, progress, cancelled);
          ReplayOutput.write(result, dir);
          return Headline.of(result.report());
        });
  }

  private Optional<JobRecord> submit(JobRecord queued, ReplayJob.Work work) {
    UUID id = queued.id();
    ReplayJob job = new ReplayJob(queued, work, store);
    Runnable task = () -> run(id, job);
    unfinished.put(id, job);
    waiting.put(id, task);
    if (!queue.offer(task)) {
      waiting.remove(id);
      unfinished.remove(id);
      store.delete(id);
      return Optional.empty();
    }
    return Optional.of(job.snapshot().record());
  }

  public Optional<JobSnapshot> find(UUID id) {
    ReplayJob job = unfinished.get(id);
    if (job != null) {
      return Optional.of(job.snapshot());
    }
    return store.find(id).map(record -> new JobSnapshot(record, null));
  }

  /** Every job, this process's and earlier ones', newest first. */
  public List<JobRecord> history() {
    return store.all();
  }

  /** One of a job's files (report.json, report.html, a replay's decisions.csv), once written. */
  public Optional<Path> file(UUID id, String name) {
    return store.file(id, name);
  }

  /** What asking to cancel a job did. */
  public enum Cancellation {
    /** It was waiting and will never run. */
    CANCELLED,
    /** It is running and stops within about a second; its status says when. */
    STOPPING,
    /** It had ended already. */
    ALREADY_ENDED,
    /** Another instance runs it (the directory is shared); only that one can stop it. */
    ELSEWHERE
  }

  /** Cancels a job that has not ended; empty when there is no such job. */
  public Optional<Cancellation> cancel(UUID id) {
    ReplayJob job = unfinished.get(id);
    if (job == null) {
      return store
          .find(id)
          .map(
              record ->
                  record.status().isFinal() ? Cancellation.ALREADY_ENDED : Cancellation.ELSEWHERE);
    }
    JobStatus status = job.cancel(clock.instant());
    if (status == JobStatus.RUNNING) {
      return Optional.of(Cancellation.STOPPING);
    }
    if (status != JobStatus.CANCELLED) {
      return Optional.of(Cancellation.ALREADY_ENDED);
    }
    Runnable task = waiting.remove(id);
    if (task != null) {
      queue.remove(task);
    }
    unfinished.remove(id);
    return Optional.of(Cancellation.CANCELLED);
  }

  /**
   * Stops the running job and drops the waiting ones. Their records are left as they are: the next
   * process's {@link JobStore#failInterrupted} says they were interrupted.
   */
  @Override
  public void close() {
    closing = true;
    queue.close();
  }

  private void run(UUID id, ReplayJob job) {
    waiting.remove(id);
    try {
      if (!job.start(clock.instant())) {
        return;
      }
      List<Headline> headlines =
          job.work().run(store.dir(id), job::progress, () -> closing || job.cancelRequested());
      job.done(clock.instant(), headlines);
    } catch (CancellationException e) {
      if (!closing) {
        job.cancelled(clock.instant());
      }
    } catch (Exception e) {
      if (!closing) {
        LOG.errorf(e, "replay %s failed", id);
        job.failed(clock.instant(), e.toString());
      }
    } finally {
      unfinished.remove(id);
    }
  }
}
