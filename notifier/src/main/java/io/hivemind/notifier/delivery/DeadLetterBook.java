package io.hivemind.notifier.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.event.NotificationJson;
import io.hivemind.schema.TopicFollower;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * This instance's copy of {@code hivemind.webhook-dead-letters}: the deliveries given up on, per
 * subscription, until they are sent again. Keyed {@code <subscription id>/<event id>}, so a
 * delivery that fails again replaces its letter and one sent again is tombstoned.
 */
public final class DeadLetterBook implements AutoCloseable {

  /** A letter as a user reads it. */
  public record Letter(
      String subscriptionId, Notification notification, String reason, int attempts, Instant at) {

    public String key() {
      return DeadLetterBook.key(subscriptionId, notification.id());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Letter> byKey = new ConcurrentHashMap<>();
  private final TopicFollower follower;

  public DeadLetterBook(Map<String, Object> connection, String topic) {
    this.follower =
        new TopicFollower(
            connection,
            topic,
            null,
            batch -> TopicFollower.latestPerKey(batch).forEach(this::read));
  }

  public DeadLetterBook start() {
    follower.start();
    return this;
  }

  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  public static String key(String subscriptionId, String eventId) {
    return subscriptionId + "/" + eventId;
  }

  public boolean contains(String key) {
    return byKey.containsKey(key);
  }

  /** A subscription's letters, oldest first. */
  public List<Letter> of(String subscriptionId) {
    return byKey.values().stream()
        .filter(letter -> letter.subscriptionId().equals(subscriptionId))
        .sorted(Comparator.comparing(Letter::at).thenComparing(Letter::key))
        .toList();
  }

  /** Takes a write this instance made, before the follower reads it back. */
  public void put(Letter letter) {
    byKey.put(letter.key(), letter);
  }

  public void remove(String key) {
    byKey.remove(key);
  }

  public static byte[] toJson(Letter letter) {
    ObjectNode node = JSON.createObjectNode();
    node.put("subscription_id", letter.subscriptionId());
    node.set("notification", NotificationJson.toTree(letter.notification()));
    node.put("reason", letter.reason());
    node.put("attempts", letter.attempts());
    node.put("at", letter.at().toString());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings always writes", e);
    }
  }

  static Letter fromJson(byte[] bytes) throws IOException {
    JsonNode node = JSON.readTree(bytes);
    return new Letter(
        node.path("subscription_id").asText(),
        NotificationJson.fromTree(node.path("notification")),
        node.path("reason").asText(),
        node.path("attempts").asInt(),
        Instant.parse(node.path("at").asText()));
  }

  private void read(ConsumerRecord<byte[], byte[]> record) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      if (key != null) {
        byKey.remove(key);
      }
      return;
    }
    try {
      Letter letter = fromJson(record.value());
      byKey.put(letter.key(), letter);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          String.format(
              "unreadable dead letter at %s-%d@%d: %s",
              follower.topic(), record.partition(), record.offset(), e.getMessage()));
    }
  }

  @Override
  public void close() {
    follower.close();
  }
}
