package io.hivemind.notifier.delivery;

import io.hivemind.botapi.Backoff;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.subscription.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Delivers notifications, each subscription in the order they were offered: one lane per
 * subscription, one attempt in flight per lane, so a destination that fails or is slow holds back
 * only its own deliveries. A failure that may pass is tried again after {@link Backoff}'s pause (at
 * least the server's {@code Retry-After}); one that will not, or one still failing after {@code
 * maxAttempts} or {@code maxAge}, is dead-lettered with its reason and the lane moves on. Sends are
 * paced by {@link DestinationLimits}.
 *
 * <p>Every lane is touched only by one scheduling thread; the HTTP calls themselves are
 * asynchronous. {@link #offer} refuses beyond {@code capacity} deliveries not yet ended, which is
 * how the reader of the notifications topic is held back (it pauses and offers again).
 */
public final class Dispatcher implements AutoCloseable {

  /**
   * @param capacity deliveries offered and not yet ended, at most
   */
  public record Settings(int maxAttempts, Duration maxAge, Backoff backoff, int capacity) {}

  /** A delivery given up on, with why: kept for its user to read and to send again. */
  public record DeadLetter(
      Subscription subscription,
      Notification notification,
      String reason,
      int attempts,
      Instant at) {}

  /** Told on the scheduling thread, so it must not block. */
  public interface Listener {
    void delivered(Subscription subscription, Notification notification, int attempts);

    /**
     * Keeps {@code letter}; the delivery ends once the returned stage completes normally (the
     * letter is durable). If it fails, the delivery never ends here: its record is not committed
     * and a restart delivers it again.
     */
    CompletionStage<?> deadLettered(DeadLetter letter);
  }

  private static final class Pending {
    final Notification notification;
    final Runnable ended;
    final Instant offered;
    int attempts;

    Pending(Notification notification, Runnable ended, Instant offered) {
      this.notification = notification;
      this.ended = ended;
      this.offered = offered;
    }
  }

  private static final class Lane {
    final ArrayDeque<Pending> queue = new ArrayDeque<>();
    boolean busy;
    long notBeforeNanos;
    ScheduledFuture<?> wake;
  }

  private final DeliveryClient client;
  private final DestinationLimits limits;
  private final Settings settings;
  private final Listener listener;
  private final Function<String, Optional<Subscription>> subscriptions;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final AtomicInteger open = new AtomicInteger();

  /**
   * @param subscriptions the current subscription by id: each attempt goes to the latest version,
   *     and a deleted subscription's queued deliveries end unsent
   */
  public Dispatcher(
      DeliveryClient client,
      DestinationLimits limits,
      Settings settings,
      Listener listener,
      Function<String, Optional<Subscription>> subscriptions,
      Clock clock) {
    this.client = client;
    this.limits = limits;
    this.settings = settings;
    this.listener = listener;
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("notifier-dispatch"));
  }

  /**
   * Queues {@code notification} for {@code subscription}; {@code ended} runs once it is delivered
   * or dead-lettered (or the subscription is gone). False when {@code capacity} deliveries are
   * open: offer again later.
   */
  public boolean offer(Subscription subscription, Notification notification, Runnable ended) {
    if (open.incrementAndGet() > settings.capacity()) {
      open.decrementAndGet();
      return false;
    }
    Pending pending = new Pending(notification, ended, clock.instant());
    loop.execute(
        () -> {
          lanes.computeIfAbsent(subscription.id(), id -> new Lane()).queue.add(pending);
          pump(subscription.id());
        });
    return true;
  }

  /** Deliveries offered and not yet ended. */
  public int open() {
    return open.get();
  }

  private void pump(String id) {
    Lane lane = lanes.get(id);
    if (lane == null || lane.busy || lane.wake != null) {
      return;
    }
    if (lane.queue.isEmpty()) {
      lanes.remove(id);
      return;
    }
    long now = System.nanoTime();
    if (now < lane.notBeforeNanos) {
      wakeLater(id, lane, lane.notBeforeNanos - now);
      return;
    }
    Pending head = lane.queue.peek();
    Optional<Subscription> latest = subscriptions.apply(id);
    if (latest.isEmpty()) {
      lane.queue.poll();
      end(head);
      pump(id);
      return;
    }
    Subscription subscription = latest.get();
    CompletableFuture<DeliveryClient.Result> sent;
    try {
      long wait = limits.acquire(subscription.destination(), now);
      if (wait > 0) {
        wakeLater(id, lane, wait);
        return;
      }
      head.attempts++;
      sent = client.send(subscription, head.notification, head.attempts);
    } catch (RuntimeException e) {
      // a defect here must not leave the lane stuck: the delivery is given up on, with why
      deadLetter(lane, head, subscription, "not sent: " + e);
      pump(id);
      return;
    }
    lane.busy = true;
    sent.whenComplete(
        (result, failure) ->
            loop.execute(
                () ->
                    settle(
                        id,
                        lane,
                        head,
                        subscription,
                        result != null
                            ? result
                            : new DeliveryClient.Result.RetryLater(
                                String.valueOf(failure), Optional.empty()))));
  }

  private void settle(
      String id, Lane lane, Pending head, Subscription subscription, DeliveryClient.Result result) {
    lane.busy = false;
    if (result instanceof DeliveryClient.Result.Delivered) {
      lane.queue.poll();
      listener.delivered(subscription, head.notification, head.attempts);
      end(head);
    } else if (result instanceof DeliveryClient.Result.Refused refused) {
      deadLetter(lane, head, subscription, refused.reason());
    } else if (result instanceof DeliveryClient.Result.RetryLater later) {
      Instant now = clock.instant();
      if (head.attempts >= settings.maxAttempts()
          || Duration.between(head.offered, now).compareTo(settings.maxAge()) >= 0) {
        deadLetter(
            lane,
            head,
            subscription,
            "gave up after " + head.attempts + " attempts; the last: " + later.reason());
      } else {
        Duration pause =
            settings
                .backoff()
                .delayBefore(
                    head.attempts, later.retryAfter(), ThreadLocalRandom.current().nextDouble());
        lane.notBeforeNanos = System.nanoTime() + pause.toNanos();
      }
    }
    pump(id);
  }

  private void deadLetter(Lane lane, Pending head, Subscription subscription, String reason) {
    lane.queue.poll();
    listener
        .deadLettered(
            new DeadLetter(subscription, head.notification, reason, head.attempts, clock.instant()))
        .whenComplete(
            (kept, failure) -> {
              if (failure == null) {
                loop.execute(() -> end(head));
              }
            });
  }

  private void end(Pending pending) {
    open.decrementAndGet();
    pending.ended.run();
  }

  private void wakeLater(String id, Lane lane, long nanos) {
    lane.wake =
        loop.schedule(
            () -> {
              lane.wake = null;
              pump(id);
            },
            nanos,
            TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    loop.shutdownNow();
    loop.awaitTermination(10, TimeUnit.SECONDS);
  }
}
