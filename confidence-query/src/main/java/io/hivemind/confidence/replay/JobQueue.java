package io.hivemind.confidence.replay;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs replays one at a time on a thread of their own ({@value #THREAD_NAME}, lowest priority,
 * daemon), with a bounded number waiting behind it. A replay never runs on a thread that serves
 * queries, and a flood of requests is refused rather than queued without end.
 */
final class JobQueue implements AutoCloseable {

  static final String THREAD_NAME = "replay-1";

  private final ThreadPoolExecutor executor;

  /**
   * @param capacity how many jobs may wait while one runs
   */
  JobQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a replay queue holds at least one job: " + capacity);
    }
    executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(capacity),
            JobQueue::thread,
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Queues the job; false when the queue is full (or closed). */
  boolean offer(Runnable job) {
    try {
      executor.execute(job);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Takes a job that has not started out of the queue; false when it has started or finished. */
  boolean remove(Runnable job) {
    return executor.remove(job);
  }

  /** Stops taking jobs, interrupts the running one and waits a little for it to stop. */
  void close(Duration wait) {
    executor.shutdownNow();
    try {
      executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private static Thread thread(Runnable work) {
    Thread thread = new Thread(work, THREAD_NAME);
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    return thread;
  }
}
