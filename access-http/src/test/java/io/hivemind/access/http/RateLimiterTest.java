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
  void shouldHoldARateSlowerThanOneASecond() {
    long threeSeconds = 3 * SECOND; // 20 a minute
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquireEvery("chat", threeSeconds, 5, T0)).as("burst " + i).isZero();
    }

    assertThat(limiter.acquireEvery("chat", threeSeconds, 5, T0)).isEqualTo(threeSeconds);
    assertThat(limiter.acquireEvery("chat", threeSeconds, 5, T0 + threeSeconds)).isZero();
    assertThat(limiter.acquireEvery("chat", threeSeconds, 5, T0 + threeSeconds)).isPositive();
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
  void shouldChargeABatchOneTokenPerEvent() {
    assertThat(limiter.acquire("k", 600, 20, 1_000, T0)).as("600 of 1,000").isZero();
    assertThat(limiter.acquire("k", 400, 20, 1_000, T0)).as("the other 400").isZero();

    assertThat(limiter.acquire("k", 1, 20, 1_000, T0)).as("one more, at once").isPositive();
    assertThat(limiter.acquire("k", 1, 20, 1_000, T0 + SECOND / 20))
        .as("one interval later")
        .isZero();
  }

  @Test
  void shouldNameTheWaitUntilTheBucketHoldsTheWholeBatch() {
    limiter.acquire("k", 1_000, 20, 1_000, T0);

    long wait = limiter.acquire("k", 1_000, 20, 1_000, T0 + 2 * SECOND);

    assertThat(wait).as("1,000 events at 20 a second, 2 s of which passed").isEqualTo(48 * SECOND);
    assertThat(limiter.acquire("k", 1_000, 20, 1_000, T0 + 2 * SECOND + wait - 1)).isPositive();
    assertThat(limiter.acquire("k", 1_000, 20, 1_000, T0 + 2 * SECOND + wait)).isZero();
  }

  @Test
  void shouldHoldAFloodOfBatchesToTheRateOverTime() {
    long accepted = 0;
    // 25 batches of 1,000 in 2.5 s, then one every 100 ms for a minute
    for (int i = 0; i < 625; i++) {
      if (limiter.acquire("k", 1_000, 20, 1_000, T0 + i * SECOND / 10) == 0) {
        accepted += 1_000;
      }
    }

    assertThat(accepted).as("the full bucket, then one batch per 50 s").isEqualTo(2_000);
  }

  @Test
  void shouldTakeABatchLargerThanTheBurstFromAFullBucketAndLeaveItInDebt() {
    limiter.acquire("k", 1, 20, 20, T0);
    assertThat(limiter.acquire("k", 100, 20, 20, T0))
        .as("the bucket lacks one token of being full")
        .isEqualTo(SECOND / 20);

    assertThat(limiter.acquire("k", 100, 20, 20, T0 + SECOND / 20)).as("full: taken").isZero();
    long paidBack = T0 + SECOND / 20 + 4 * SECOND + SECOND / 20;
    assertThat(limiter.acquire("k", 1, 20, 20, paidBack - 1))
        .as("80 events of debt are 4 s, and one token 1/20 s more")
        .isPositive();
    assertThat(limiter.acquire("k", 1, 20, 20, paidBack)).isZero();
  }

  @Test
  void shouldChargeTheRestOfARequestWhoseAdmissionTookOneToken() {
    assertThat(limiter.acquire("k", 1, 20, 1_000, T0)).as("admission").isZero();
    assertThat(limiter.acquireRest("k", 1_000, 20, 1_000, T0)).as("the other 999").isZero();

    assertThat(limiter.acquire("k", 1, 20, 1_000, T0)).as("the bucket is empty").isPositive();
  }

  @Test
  void shouldNameTheWaitForTheWholeRequestWhenItsRestIsRefused() {
    limiter.acquire("k", 990, 20, 1_000, T0);
    assertThat(limiter.acquire("k", 1, 20, 1_000, T0)).as("admission of the next batch").isZero();

    long wait = limiter.acquireRest("k", 1_000, 20, 1_000, T0);

    assertThat(wait).as("until 1,000 are back: 991 at 20 a second").isEqualTo(991 * SECOND / 20);
    assertThat(limiter.acquire("k", 1, 20, 1_000, T0 + wait)).as("sent again: admission").isZero();
    assertThat(limiter.acquireRest("k", 1_000, 20, 1_000, T0 + wait)).as("and the rest").isZero();
  }

  @Test
  void shouldChargeTheRestOfABatchLargerThanTheBurstOnceTheBucketWasFull() {
    limiter.acquire("k", 1, 20, 20, T0);
    assertThat(limiter.acquireRest("k", 100, 20, 20, T0))
        .as("admitted from a full bucket")
        .isZero();

    long paidBack = T0 + 4 * SECOND + SECOND / 20;
    assertThat(limiter.acquire("k", 1, 20, 20, paidBack - 1)).as("80 events of debt").isPositive();
    assertThat(limiter.acquire("k", 1, 20, 20, paidBack)).isZero();
  }

  @Test
  void shouldCostNothingMoreForARequestOfOneEvent() {
    allowedAt("k", 20, T0, 20);

    assertThat(limiter.acquireRest("k", 1, 20, 20, T0)).isZero();
    assertThat(limiter.acquire("k", 20, T0 + SECOND / 20)).isZero();
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
  void shouldRefuseABurstOrAChargeBelowOne() {
    assertThatThrownBy(() -> limiter.acquire("k", 1, 20, 0, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limiter.acquire("k", 0, 20, 20, T0))
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
