package io.hivemind.bench.replay;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap a measured interval used: the largest {@code used} the JMX {@link MemoryMXBean} reported
 * while it ran (sampled every 20 ms on a daemon thread), and what stays in use after a full
 * collection at its end, measured from a collected heap at its start. The peak depends on the
 * collector (young space fills before it is collected); the retained figure is the live set.
 */
final class HeapWatch implements AutoCloseable {

  private static final long SAMPLE_MILLIS = 20;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final long usedAtStart;
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peak;

  private HeapWatch() {
    memory.gc();
    usedAtStart = used();
    peak = usedAtStart;
    sampler = new Thread(this::sample, "bench-heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Collects, then watches until {@link #close}. */
  static HeapWatch start() {
    return new HeapWatch();
  }

  /** The largest heap in use seen so far, in bytes. */
  long peakUsed() {
    return Math.max(peak, used());
  }

  /**
   * Collects and returns the heap in use beyond what was in use at the start: call it while what
   * the interval produced is still reachable.
   */
  long retainedAfterCollection() {
    memory.gc();
    return used() - usedAtStart;
  }

  /** The heap's limit ({@code -Xmx}), in bytes. */
  long max() {
    return memory.getHeapMemoryUsage().getMax();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }

  private void sample() {
    while (running) {
      peak = Math.max(peak, used());
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  static String mib(long bytes) {
    return String.format("%,.0f MiB", bytes / (1024.0 * 1024.0));
  }
}
