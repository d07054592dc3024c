package io.hivemind.schema.streams;

import io.hivemind.schema.RegistryFaults;
import io.hivemind.schema.RegistryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * What a Kafka Streams client does when one of its threads dies (ADR 11). A transient fault (the
 * schema registry unreachable, a retriable Kafka error) replaces the thread, after a backoff and,
 * for the registry, once it answers again: under exactly-once the dying thread's transaction is
 * aborted and its tasks' local state wiped and restored from the changelogs, so replacing it while
 * the registry is still away would only restore the state again and die on the same record.
 * Anything else (a bug, a record the client refuses to skip) shuts the client down: it goes to
 * ERROR, liveness reports DOWN, and the supervisor ({@code ./hivemind up}) restarts the process. A
 * global thread cannot be replaced; its death always shuts the client down.
 */
public final class StreamThreadSupervisor implements StreamsUncaughtExceptionHandler {

  private static final Logger LOG = Logger.getLogger(StreamThreadSupervisor.class);
  private final RestartBackoff backoff;
  private final BooleanSupplier registryAnswers;
  private final Duration probeEvery;
  private final Clock clock;
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicLong replacements = new AtomicLong();
  private volatile boolean waiting;

  /**
   * @param registryAnswers whether the schema registry answers now (a probe), asked before a thread
   *     that died on a registry fault is replaced
   * @param probeEvery how often to ask it while it does not
   */
  public StreamThreadSupervisor(
      RestartBackoff backoff, BooleanSupplier registryAnswers, Duration probeEvery, Clock clock) {
    this.backoff = backoff;
    this.registryAnswers = registryAnswers;
    this.probeEvery = probeEvery;
    this.clock = clock;
  }

  @Override
  public StreamThreadExceptionResponse handle(Throwable failure) {
    if (Thread.currentThread().getName().endsWith("-GlobalStreamThread")) {
      LOG.error(
          "the global stream thread died; it cannot be replaced: shutting the Kafka Streams client"
              + " down (liveness DOWN) for the process to be restarted",
          failure);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    if (!isTransient(failure)) {
      LOG.error(
          "a stream thread died on a fault that replacing it cannot cure: shutting the Kafka Streams"
              + " client down (liveness DOWN) for the process to be restarted",
          failure);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    boolean registry = RegistryFaults.isTransport(failure);
    Duration wait = backoff.next(clock.instant());
    LOG.warnf(
        "a stream thread died on a transient fault (its transaction is aborted, nothing was"
            + " skipped): %s; replacing it in %s%s",
        rootMessage(failure),
        wait,
        registry ? " or once the schema registry answers, whichever is later" : "");
    waiting = true;
    try {
      if (!awaitReplacement(wait, registry)) {
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT; // shutting down: nothing to replace
      }
    } finally {
      waiting = false;
    }
    replacements.incrementAndGet();
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /** Whether a thread is dead and waiting here to be replaced. */
  public boolean isWaiting() {
    return waiting;
  }

  /** How many threads were replaced since the start. */
  public long replacements() {
    return replacements.get();
  }

  /** Ends every wait now: the application is shutting down. */
  public void release() {
    released.countDown();
  }

  /** Waits out the backoff, then for the registry if needed; false once released. */
  private boolean awaitReplacement(Duration wait, boolean registry) {
    try {
      if (released.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return false;
      }
      while (registry && !registryAnswers.getAsBoolean()) {
        if (released.await(probeEvery.toNanos(), TimeUnit.NANOSECONDS)) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static boolean isTransient(Throwable failure) {
    if (RegistryFaults.isTransport(failure)) {
      return true;
    }
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      root = cause;
      if (cause instanceof RegistryUnavailableException) {
        break;
      }
    }
    return root.toString();
  }
}
