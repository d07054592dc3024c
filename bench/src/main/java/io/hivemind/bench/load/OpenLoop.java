package io.hivemind.bench.load;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed offered rate, whatever the target does: request {@code i} is due at {@code t0 + i/R} and
 * its latency is measured from that time, not from when it was sent, so a stall cannot hide the
 * requests queued behind it (coordinated omission). A request due while every connection is busy
 * waits in this generator's queue, and the wait counts. Warm-up requests are sent but not recorded.
 *
 * <p>A pacer thread sleeps until the next due time and hands the due requests to the run's event
 * loop; how late they were sent is recorded as the start lag, so the generator's own lateness is
 * visible beside the latencies it reports.
 */
public final class OpenLoop {

  private final LoadGenerator.Target target;
  private final RequestSupplier requests;
  private final double rate;
  private final long warmupRequests;
  private final long totalRequests;
  private final Duration drainTimeout;
  private final Recorder recorder = new Recorder();
  private final CompletableFuture<LoadResult> result = new CompletableFuture<>();
  private final Thread pacer;
  private final Runnable onMeasuring;
  private volatile boolean stopRequested;
  private long t0;

  // event-loop state
  private final LongQueue waiting = new LongQueue();
  private final Set<Long> inFlight = new HashSet<>();
  private long released;
  private boolean pacingDone;
  private boolean finished;
  private long drainTimer = -1;

  private OpenLoop(
      LoadGenerator.Target target,
      RequestSupplier requests,
      double rate,
      Duration warmup,
      Duration duration,
      Duration drainTimeout,
      Runnable onMeasuring) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a positive number: " + rate);
    }
    this.target = target;
    this.requests = requests;
    this.rate = rate;
    this.warmupRequests = (long) Math.ceil(warmup.toNanos() / 1e9 * rate);
    long measured = (long) Math.floor(duration.toNanos() / 1e9 * rate);
    this.totalRequests =
        duration.isZero() ? Long.MAX_VALUE : warmupRequests + Math.max(1, measured);
    this.drainTimeout = drainTimeout;
    this.onMeasuring = onMeasuring;
    this.pacer = new Thread(this::pace, "open-loop-pacer");
    pacer.setDaemon(true);
  }

  /**
   * Runs at {@code rate} requests/s for {@code warmup} then {@code duration}; blocks until done.
   */
  public static LoadResult run(
      LoadGenerator generator,
      String baseUrl,
      int connections,
      double rate,
      RequestSupplier requests,
      Duration warmup,
      Duration duration) {
    return start(generator, baseUrl, connections, rate, requests, warmup, duration, () -> {})
        .await();
  }

  /**
   * Starts a run in the background; {@code duration} zero runs until {@link Running#stop}. Waits up
   * to ten seconds for the last answers once pacing ends.
   */
  public static Running start(
      LoadGenerator generator,
      String baseUrl,
      int connections,
      double rate,
      RequestSupplier requests,
      Duration warmup,
      Duration duration) {
    return start(generator, baseUrl, connections, rate, requests, warmup, duration, () -> {});
  }

  /** As above; {@code onMeasuring} runs on the pacer thread when the first measured one is due. */
  public static Running start(
      LoadGenerator generator,
      String baseUrl,
      int connections,
      double rate,
      RequestSupplier requests,
      Duration warmup,
      Duration duration,
      Runnable onMeasuring) {
    LoadGenerator.Target target = generator.target(baseUrl, connections);
    OpenLoop loop =
        new OpenLoop(target, requests, rate, warmup, duration, Duration.ofSeconds(10), onMeasuring);
    loop.t0 = System.nanoTime() + Duration.ofMillis(20).toNanos();
    loop.pacer.start();
    loop.result.whenComplete((r, e) -> target.close());
    return loop.new Running();
  }

  /** A run in progress. */
  public final class Running {

    /** Sends no more requests; the result covers those due until now. */
    public LoadResult stop() {
      stopRequested = true;
      LockSupport.unpark(pacer);
      return await();
    }

    public LoadResult await() {
      return result.join();
    }
  }

  private long dueNanos(long i) {
    return t0 + (long) (i * 1e9 / rate);
  }

  /** On the pacer thread: releases requests to the event loop as they fall due. */
  private void pace() {
    long i = 0;
    while (i < totalRequests && !stopRequested) {
      long now = System.nanoTime();
      long due = dueNanos(i);
      if (now < due) {
        LockSupport.parkNanos(due - now);
        continue;
      }
      long upTo = i + 1;
      while (upTo < totalRequests && dueNanos(upTo) <= now) {
        upTo++;
      }
      long from = i;
      long to = upTo;
      if (from <= warmupRequests && warmupRequests < to) {
        onMeasuring.run(); // the first measured request is among those due now
      }
      target.context.runOnContext(ignored -> release(from, to));
      i = upTo;
    }
    target.context.runOnContext(ignored -> pacingDone());
  }

  private void release(long from, long to) {
    for (long i = from; i < to; i++) {
      released = i + 1;
      if (inFlight.size() < target.connections) {
        send(i);
      } else {
        waiting.add(i);
      }
    }
  }

  private void send(long i) {
    long due = dueNanos(i);
    long sent = System.nanoTime();
    boolean measured = i >= warmupRequests;
    if (measured) {
      recorder.startLag(due, sent);
    }
    inFlight.add(i);
    target.send(
        requests.request(i),
        (status, failure) -> {
          if (finished) {
            return; // given up on at the drain timeout, already counted
          }
          inFlight.remove(i);
          if (measured) {
            recorder.answer(due, System.nanoTime(), status, failure);
          }
          if (!waiting.isEmpty()) {
            send(waiting.poll());
          } else if (pacingDone && inFlight.isEmpty()) {
            finish();
          }
        });
  }

  private void pacingDone() {
    pacingDone = true;
    if (inFlight.isEmpty() && waiting.isEmpty()) {
      finish();
    } else {
      drainTimer = target.vertx.setTimer(drainTimeout.toMillis(), ignored -> giveUp());
    }
  }

  /** The drain timeout passed: what is still open or queued counts as unfinished. */
  private void giveUp() {
    long now = System.nanoTime();
    for (long i : inFlight) {
      if (i >= warmupRequests) {
        recorder.unfinished(dueNanos(i), now);
      }
    }
    while (!waiting.isEmpty()) {
      long i = waiting.poll();
      if (i >= warmupRequests) {
        recorder.unfinished(dueNanos(i), now);
      }
    }
    finish();
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (drainTimer >= 0) {
      target.vertx.cancelTimer(drainTimer);
    }
    long measuredStart = dueNanos(warmupRequests);
    long measuredCount = Math.max(0, released - warmupRequests);
    long intendedEnd = dueNanos(warmupRequests + measuredCount);
    long end = Math.max(intendedEnd, recorder.lastAnswerNanos());
    double seconds = Math.max(1, end - measuredStart) / 1e9;
    result.complete(recorder.result(seconds, rate, true));
  }

  /** A FIFO of request numbers, without boxing. */
  private static final class LongQueue {
    private long[] items = new long[1024];
    private int head;
    private int size;

    void add(long value) {
      if (size == items.length) {
        long[] bigger = new long[items.length * 2];
        for (int k = 0; k < size; k++) {
          bigger[k] = items[(head + k) % items.length];
        }
        items = bigger;
        head = 0;
      }
      items[(head + size) % items.length] = value;
      size++;
    }

    long poll() {
      long value = items[head];
      head = (head + 1) % items.length;
      size--;
      return value;
    }

    boolean isEmpty() {
      return size == 0;
    }
  }
}
