package io.hivemind.confidence.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JobQueueTest {

  private final JobQueue queue = new JobQueue(2);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() {
    release.countDown();
    queue.close(Duration.ofSeconds(5));
  }

  @Test
  void shouldRefuseAJobWhenOneRunsAndTheQueueIsFull() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    assertThat(queue.offer(blocking(running))).isTrue();
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(queue.offer(() -> {})).isTrue();
    assertThat(queue.offer(() -> {})).isTrue();
    assertThat(queue.offer(() -> {})).isFalse();
  }

  @Test
  void shouldTakeJobsAgainOnceTheQueueHasRoom() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    queue.offer(blocking(running));
    running.await(10, TimeUnit.SECONDS);
    queue.offer(() -> {});
    queue.offer(() -> {});
    release.countDown();

    CompletableFuture<Void> ran = new CompletableFuture<>();
    // once the two waiting jobs have run, there is room for a job again
    assertThat(
            await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> queue.offer(() -> ran.complete(null)), accepted -> accepted))
        .isTrue();
    ran.get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldRunJobsOnOneLowPriorityDaemonThreadOfTheirOwn() throws Exception {
    CompletableFuture<Thread> first = new CompletableFuture<>();
    CompletableFuture<Thread> second = new CompletableFuture<>();
    queue.offer(() -> first.complete(Thread.currentThread()));
    queue.offer(() -> second.complete(Thread.currentThread()));

    Thread thread = first.get(10, TimeUnit.SECONDS);
    assertThat(thread.getName()).isEqualTo(JobQueue.THREAD_NAME).isEqualTo("replay-1");
    assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
    assertThat(thread.isDaemon()).isTrue();
    assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(thread);
  }

  @Test
  void shouldTakeAWaitingJobOutOfTheQueue() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    queue.offer(blocking(running));
    running.await(10, TimeUnit.SECONDS);
    Runnable waiting = () -> {};
    queue.offer(waiting);

    assertThat(queue.remove(waiting)).isTrue();
    assertThat(queue.offer(() -> {})).isTrue();
    assertThat(queue.offer(() -> {})).isTrue();
  }

  private Runnable blocking(CountDownLatch running) {
    return () -> {
      running.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
