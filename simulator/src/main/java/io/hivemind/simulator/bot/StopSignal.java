package io.hivemind.simulator.bot;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The run's stop button: pressed once (Ctrl-C, the end of the run), seen by every bot, and waking
 * every wait, so a bot pacing the simulated clock or backing off before a retry stops at once
 * instead of finishing its sleep.
 */
public final class StopSignal {

  private final CountDownLatch stopped = new CountDownLatch(1);

  public void stop() {
    stopped.countDown();
  }

  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /**
   * Waits for {@code duration} unless stopped first. Returns true when the whole wait passed, false
   * when stopped (or interrupted, in which case the interrupt flag is kept).
   */
  public boolean pause(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return !isStopped();
    }
    try {
      return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
