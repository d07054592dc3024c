package io.hivemind.notifier.delivery;

import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.event.NotificationJson;
import io.hivemind.notifier.subscription.Subscription;
import io.hivemind.notifier.subscription.SubscriptionBook;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code hivemind.notifications} in a consumer group and hands each record to the {@link
 * Dispatcher}, once per subscription that wants it; commits a record's offset only when every one
 * of those deliveries has ended ({@link CommitTracker}). When the dispatcher is full the reader
 * pauses its partitions (still polling, so it keeps its membership) and offers the rest later.
 */
public final class NotificationReader implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(NotificationReader.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private record Offer(
      ConsumerRecord<String, byte[]> record,
      Notification notification,
      Subscription subscription) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final SubscriptionBook subscriptions;
  private final Dispatcher dispatcher;
  private final CommitTracker tracker = new CommitTracker();
  private final ArrayDeque<Offer> waiting = new ArrayDeque<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;

  public NotificationReader(
      Map<String, Object> connection,
      String group,
      String topic,
      SubscriptionBook subscriptions,
      Dispatcher dispatcher) {
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    this.consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.subscriptions = subscriptions;
    this.dispatcher = dispatcher;
    this.thread = new Thread(this::run, "notifier-reader");
    this.thread.setDaemon(true);
  }

  public NotificationReader start() {
    thread.start();
    return this;
  }

  /** Deliveries handed to the dispatcher and not yet ended, over the partitions owned. */
  public int open() {
    return tracker.open();
  }

  private void run() {
    try {
      consumer.subscribe(
          List.of(topic),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              commit();
              waiting.removeIf(offer -> partitions.contains(partitionOf(offer.record())));
              partitions.forEach(
                  partition -> {
                    tracker.revoke(partition.partition());
                    committed.remove(partition);
                  });
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
          });
      while (running.get()) {
        offerWaiting();
        if (waiting.isEmpty()) {
          consumer.resume(consumer.paused());
        } else {
          consumer.pause(consumer.assignment());
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          read(record);
        }
        commit();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.errorf(e, "the notifications reader stopped: %s", e.getMessage());
    } finally {
      try {
        commit();
      } catch (RuntimeException e) {
        LOG.warnf("could not commit on close: %s", e.getMessage());
      }
      consumer.close(Duration.ofSeconds(5));
      stopped.countDown();
    }
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    Notification notification;
    try {
      notification = NotificationJson.fromJson(record.value());
    } catch (RuntimeException e) {
      // Only the events topology writes this topic: a record it cannot read is a defect, logged
      // with where it is, and passed over so that it does not hold every later delivery back.
      LOG.errorf(
          "unreadable notification at %s-%d@%d, not delivered: %s",
          record.topic(), record.partition(), record.offset(), e.getMessage());
      tracker.track(record.partition(), record.offset(), 0);
      return;
    }
    List<Subscription> wanting = subscriptions.wanting(notification);
    tracker.track(record.partition(), record.offset(), wanting.size());
    for (Subscription subscription : wanting) {
      waiting.add(new Offer(record, notification, subscription));
    }
    offerWaiting();
  }

  private void offerWaiting() {
    while (!waiting.isEmpty()) {
      Offer offer = waiting.peek();
      int partition = offer.record().partition();
      long offset = offer.record().offset();
      if (!dispatcher.offer(
          offer.subscription(), offer.notification(), () -> tracker.ended(partition, offset))) {
        return;
      }
      waiting.poll();
    }
  }

  private void commit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    Set<TopicPartition> owned = new HashSet<>(consumer.assignment());
    for (TopicPartition partition : owned) {
      OptionalLong next = tracker.committable(partition.partition());
      if (next.isPresent() && !Long.valueOf(next.getAsLong()).equals(committed.get(partition))) {
        offsets.put(partition, new OffsetAndMetadata(next.getAsLong()));
      }
    }
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets, Duration.ofSeconds(10));
      offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    }
  }

  private static TopicPartition partitionOf(ConsumerRecord<String, byte[]> record) {
    return new TopicPartition(record.topic(), record.partition());
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    consumer.wakeup();
    stopped.await(15, TimeUnit.SECONDS);
  }
}
