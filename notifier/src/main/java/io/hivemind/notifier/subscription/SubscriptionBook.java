package io.hivemind.notifier.subscription;

import io.hivemind.notifier.event.Notification;
import io.hivemind.schema.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * This instance's copy of {@code hivemind.webhooks}, followed from the beginning on its own thread
 * (as the API keys are): who is subscribed to what. A record it cannot read is not skipped: the
 * book is not caught up until it can be (a delivery must not miss a subscription).
 */
public final class SubscriptionBook implements AutoCloseable {

  private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
  private final TopicFollower follower;

  public SubscriptionBook(Map<String, Object> connection, String topic) {
    this.follower =
        new TopicFollower(
            connection,
            topic,
            null,
            batch -> TopicFollower.latestPerKey(batch).forEach(this::apply));
  }

  public SubscriptionBook start() {
    follower.start();
    return this;
  }

  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  public boolean isCaughtUp() {
    return follower.isCaughtUp();
  }

  public Optional<Subscription> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The subscriptions {@code notification} goes to. */
  public List<Subscription> wanting(Notification notification) {
    return byId.values().stream()
        .filter(subscription -> subscription.wants(notification))
        .sorted(Comparator.comparing(Subscription::id))
        .toList();
  }

  /** Every subscription, oldest first. */
  public List<Subscription> all() {
    return byId.values().stream()
        .sorted(Comparator.comparing(Subscription::created).thenComparing(Subscription::id))
        .toList();
  }

  /** Takes a write this instance made, before the follower reads it back. */
  public void apply(Subscription subscription) {
    byId.put(subscription.id(), subscription);
  }

  public void forget(String id) {
    byId.remove(id);
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      if (key != null) {
        byId.remove(key);
      }
      return;
    }
    try {
      Subscription subscription = SubscriptionJson.fromJson(record.value());
      byId.put(subscription.id(), subscription);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          String.format(
              "unreadable subscription at %s-%d@%d: %s",
              follower.topic(), record.partition(), record.offset(), e.getMessage()));
    }
  }

  @Override
  public void close() {
    follower.close();
  }
}
