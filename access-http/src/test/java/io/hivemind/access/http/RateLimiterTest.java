package io.hivemind.access.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RateLimiterTest {

  private static final long SECOND = RateLimiter.NANOS_PER_SECOND;
  private static final long T0 = 42 * SECOND;

  private final RateLimiter limiter = new RateLimiter(60 * SECOND);

  private int allowedAt(String key, int perSecond, long now, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.acquire(key, perSecond, now) == 0) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  void shouldAllowABurstOfOneSecondsWorthAtOnce() {
    assertThat(allowedAt("k", 20, T0, 100)).isEqualTo(20);
  }

  @Test
  void shouldRefillAtTheRate() {
    allowedAt("k", 20, T0, 20);

    assertThat(allowedAt("k", 20, T0 + SECOND / 20 - 1, 5)).as("before one interval").isZero();
    assertThat(allowedAt("k", 20, T0 + SECOND / 20, 5)).as("after one interval").isEqualTo(1);
    assertThat(allowedAt("k", 20, T0 + SECOND / 2, 100)).as("half a second later").isEqualTo(9);
  }

  @Test
  void shouldNeverHoldMoreThanOneSecondsWorth() {
    allowedAt("k", 20, T0, 1);

    assertThat(allowedAt("k", 20, T0 + 3600 * SECOND, 100)).isEqualTo(20);
  }

  @Test
  void shouldSayHowLongUntilTheNextRequestWouldPass() {
    allowedAt("k", 4, T0, 4);

    long wait = limiter.acquire("k", 4, T0);

    assertThat(wait).isEqualTo(SECOND / 4);
    assertThat(limiter.acquire("k", 4, T0 + wait)).isZero();
  }

  @Test
  void shouldKeepEachKeysBucketApart() {
    allowedAt("a", 20, T0, 20);

    assertThat(allowedAt("b", 20, T0, 100)).isEqualTo(20);
    assertThat(limiter.acquire("a", 20, T0)).isPositive();
  }

  @Test
  void shouldFollowAKeysRateWhenItsTierChanges() {
    allowedAt("k", 2, T0, 2);

    assertThat(allowedAt("k", 500, T0 + SECOND, 1000)).as("a full second later").isEqualTo(500);
  }

  @Test
  void shouldEvictOnlyBucketsIdleForTheIdleTime() {
    RateLimiter shortIdle = new RateLimiter(10 * SECOND);
    shortIdle.acquire("idle", 20, T0);
    shortIdle.acquire("busy", 20, T0 + 9 * SECOND);

    assertThat(shortIdle.evictIdle(T0 + 10 * SECOND + SECOND / 20)).isEqualTo(1);
    assertThat(shortIdle.size()).isEqualTo(1);
    assertThat(shortIdle.evictIdle(T0 + 30 * SECOND)).isEqualTo(1);
    assertThat(shortIdle.size()).isZero();
  }

  @Test
  void shouldRefuseARateBelowOne() {
    assertThatThrownBy(() -> limiter.acquire("k", 0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Timeout(30)
  void shouldLetExactlyTheBurstThroughUnderContention() throws Exception {
    int threads = 8;
    AtomicInteger allowed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(
            () -> {
              allowed.addAndGet(allowedAt("shared", 500, T0, 1_000));
              return null;
            });
      }
      for (Future<Void> done : pool.invokeAll(tasks)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
    assertThat(allowed).hasValue(500);
  }
}
