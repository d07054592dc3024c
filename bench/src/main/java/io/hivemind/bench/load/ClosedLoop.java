package io.hivemind.bench.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * {@code connections} senders, each sending its next request as soon as the answer to its last one
 * arrived: the target's maximum rate at that concurrency. Latency is from send to the answer's last
 * byte. Only requests sent after the warm-up count; those still open when the duration ends are
 * waited for (up to ten seconds, then counted as unfinished).
 *
 * <p>A closed loop cannot see queueing in front of the target (a slow answer delays the requests
 * that would have followed it, which are then never sent): use {@link OpenLoop} for latency at a
 * given rate.
 */
public final class ClosedLoop {

  /** After a failed send (refused connection), a sender waits this long before its next one. */
  private static final long BACKOFF_MS = 10;

  private static final long DRAIN_TIMEOUT_MS = 10_000;
  private static final long IDLE = -1;

  private final LoadGenerator.Target target;
  private final RequestSupplier requests;
  private final Recorder recorder = new Recorder();
  private final CompletableFuture<LoadResult> result = new CompletableFuture<>();
  private final long durationNanos;
  private final long warmupNanos;
  private final Runnable onMeasuring;

  /** Per sender: when its open request was sent, or {@link #IDLE}. */
  private final long[] sentAt;

  private long warmupEnd;
  private long end;
  private long next;
  private int senders;
  private boolean exhausted;
  private boolean finished;
  private long drainTimer = -1;

  private ClosedLoop(
      LoadGenerator.Target target,
      RequestSupplier requests,
      Duration warmup,
      Duration duration,
      Runnable onMeasuring) {
    this.target = target;
    this.requests = requests;
    this.warmupNanos = warmup.toNanos();
    this.durationNanos = duration.toNanos();
    this.onMeasuring = onMeasuring;
    this.sentAt = new long[target.connections];
    Arrays.fill(sentAt, IDLE);
  }

  /**
   * Runs for {@code warmup} then {@code duration}, or until {@code requests} answers null, and
   * returns what the measured part saw.
   */
  public static LoadResult run(
      LoadGenerator generator,
      String baseUrl,
      int connections,
      RequestSupplier requests,
      Duration warmup,
      Duration duration) {
    return run(generator, baseUrl, connections, requests, warmup, duration, () -> {});
  }

  /** As above; {@code onMeasuring} runs on the run's event loop when the warm-up ends. */
  public static LoadResult run(
      LoadGenerator generator,
      String baseUrl,
      int connections,
      RequestSupplier requests,
      Duration warmup,
      Duration duration,
      Runnable onMeasuring) {
    LoadGenerator.Target target = generator.target(baseUrl, connections);
    try {
      ClosedLoop loop = new ClosedLoop(target, requests, warmup, duration, onMeasuring);
      target.context.runOnContext(ignored -> loop.start());
      return loop.result.join();
    } finally {
      target.close();
    }
  }

  private void start() {
    long now = System.nanoTime();
    warmupEnd = now + warmupNanos;
    end = warmupEnd + durationNanos;
    senders = target.connections;
    if (warmupNanos >= 1_000_000) {
      target.vertx.setTimer(warmupNanos / 1_000_000, ignored -> onMeasuring.run());
    } else {
      onMeasuring.run();
    }
    drainTimer =
        target.vertx.setTimer(
            (warmupNanos + durationNanos) / 1_000_000 + DRAIN_TIMEOUT_MS, ignored -> giveUp());
    for (int sender = 0; sender < target.connections; sender++) {
      sendNext(sender);
    }
  }

  private void sendNext(int sender) {
    if (finished) {
      return;
    }
    long now = System.nanoTime();
    LoadRequest request = exhausted || now >= end ? null : requests.request(next);
    if (request == null) {
      exhausted = true;
      if (--senders == 0) {
        finish(now);
      }
      return;
    }
    next++;
    sentAt[sender] = now;
    target.send(
        request,
        (status, failure) -> {
          if (finished) {
            return; // given up on at the drain timeout, already counted
          }
          sentAt[sender] = IDLE;
          if (now >= warmupEnd) {
            recorder.answer(now, System.nanoTime(), status, failure);
          }
          if (failure != null) {
            target.vertx.setTimer(BACKOFF_MS, ignored -> sendNext(sender));
          } else {
            sendNext(sender);
          }
        });
  }

  /** Answers that never came: counted as unfinished, as slow as they had been so far. */
  private void giveUp() {
    if (finished) {
      return;
    }
    long now = System.nanoTime();
    for (long sent : sentAt) {
      if (sent != IDLE && sent >= warmupEnd) {
        recorder.unfinished(sent, now);
      }
    }
    finish(end);
  }

  private void finish(long now) {
    if (finished) {
      return;
    }
    finished = true;
    target.vertx.cancelTimer(drainTimer);
    // ran out of requests early: the span is what was really measured
    long measuredEnd = Math.min(end, Math.max(now, recorder.lastAnswerNanos()));
    double seconds = Math.max(1, measuredEnd - warmupEnd) / 1e9;
    result.complete(recorder.result(seconds, Double.NaN, false));
  }
}
