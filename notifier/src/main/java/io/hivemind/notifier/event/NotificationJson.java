package io.hivemind.notifier.event;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** A notification as {@code hivemind.notifications} and the dead letters hold it. */
public final class NotificationJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  private NotificationJson() {}

  public static ObjectNode toTree(Notification notification) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", notification.id());
    node.put("type", notification.kind().wireName());
    if (notification.audience().isFleet()) {
      node.put("fleet", true);
    } else {
      node.put("user_id", notification.audience().userId());
    }
    node.put("occurred_at", notification.occurredAt().toString());
    node.put("title", notification.title());
    node.put("text", notification.text());
    node.set("data", JSON.valueToTree(notification.data()));
    return node;
  }

  public static byte[] toJson(Notification notification) {
    try {
      return JSON.writeValueAsBytes(toTree(notification));
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are no notification
   */
  public static Notification fromJson(byte[] bytes) {
    try {
      return fromTree(JSON.readTree(bytes));
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
  }

  public static Notification fromTree(JsonNode node) {
    String type = node.path("type").asText();
    EventKind kind =
        EventKind.fromWireName(type)
            .orElseThrow(() -> new IllegalArgumentException("unknown type " + type));
    Audience audience =
        node.path("fleet").asBoolean(false)
            ? Audience.FLEET
            : Audience.user(node.path("user_id").asText());
    return new Notification(
        node.path("id").asText(),
        kind,
        audience,
        Instant.parse(node.path("occurred_at").asText()),
        node.path("title").asText(),
        node.path("text").asText(),
        JSON.convertValue(node.path("data"), DATA));
  }
}
