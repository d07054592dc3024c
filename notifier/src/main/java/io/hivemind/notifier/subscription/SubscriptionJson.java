package io.hivemind.notifier.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hivemind.notifier.event.Audience;
import io.hivemind.notifier.event.EventKind;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A subscription as {@code hivemind.webhooks} holds it: one JSON object, secret included. */
public final class SubscriptionJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubscriptionJson() {}

  public static byte[] toJson(Subscription subscription) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", subscription.id());
    if (subscription.audience().isFleet()) {
      node.put("fleet", true);
    } else {
      node.put("user_id", subscription.audience().userId());
    }
    Destination destination = subscription.destination();
    node.put("type", destination.kind().wireName());
    node.put("url", destination.url().toString());
    if (destination.chatId() != null) {
      node.put("chat_id", destination.chatId());
    }
    subscription.events().stream()
        .map(EventKind::wireName)
        .sorted()
        .forEach(node.putArray("events")::add);
    node.put("secret", subscription.secret());
    node.put("created_at", subscription.created().toString());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings always writes", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are no subscription
   */
  public static Subscription fromJson(byte[] bytes) {
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
    Audience audience =
        node.path("fleet").asBoolean(false) ? Audience.FLEET : Audience.user(text(node, "user_id"));
    Destination destination =
        Destination.of(
            Destination.Kind.valueOf(text(node, "type").toUpperCase(Locale.ROOT)),
            text(node, "url"),
            node.hasNonNull("chat_id") ? node.get("chat_id").asText() : null);
    Set<EventKind> events = EnumSet.noneOf(EventKind.class);
    for (JsonNode event : node.path("events")) {
      events.add(
          EventKind.fromWireName(event.asText())
              .orElseThrow(() -> new IllegalArgumentException("unknown event " + event)));
    }
    return new Subscription(
        text(node, "id"),
        audience,
        destination,
        events,
        text(node, "secret"),
        Instant.parse(text(node, "created_at")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("no " + field);
    }
    return value.asText();
  }
}
