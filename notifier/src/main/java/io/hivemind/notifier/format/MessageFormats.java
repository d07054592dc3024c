package io.hivemind.notifier.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.subscription.Destination;

/**
 * A notification as each destination takes it.
 *
 * <ul>
 *   <li>generic webhook: the event as JSON ({@code id}, {@code type}, {@code occurred_at}, {@code
 *       user_id} or {@code fleet}, {@code title}, {@code text}, {@code data});
 *   <li>Discord: {@code content}, with mentions switched off so no text can ping {@code
 *       @everyone};
 *   <li>Slack: {@code text};
 *   <li>Telegram: {@code sendMessage}'s {@code chat_id} and {@code text}, without link previews.
 * </ul>
 *
 * Chat messages are the title and the text, cut to the service's limit (Discord 2,000 characters,
 * Telegram 4,096, Slack 40,000).
 */
public final class MessageFormats {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "application/json";

  private MessageFormats() {}

  public static Message render(Notification notification, Destination destination) {
    ObjectNode body = JSON.createObjectNode();
    switch (destination.kind()) {
      case WEBHOOK -> {
        body.put("id", notification.id());
        body.put("type", notification.kind().wireName());
        body.put("occurred_at", notification.occurredAt().toString());
        if (notification.audience().isFleet()) {
          body.put("fleet", true);
        } else {
          body.put("user_id", notification.audience().userId());
        }
        body.put("title", notification.title());
        body.put("text", notification.text());
        body.set("data", JSON.valueToTree(notification.data()));
      }
      case DISCORD -> {
        body.put("content", chat(notification, 2_000, "**"));
        body.putObject("allowed_mentions").putArray("parse");
      }
      case SLACK -> body.put("text", chat(notification, 40_000, "*"));
      case EMAIL -> {
        return new Message(
            "text/plain",
            notification.title()
                + "\n\n"
                + notification.text()
                + "\n\n-- \nhivemind ("
                + notification.kind().wireName()
                + ", "
                + notification.id()
                + ")\n");
      }
      case TELEGRAM -> {
        body.put("chat_id", destination.chatId());
        body.put("text", chat(notification, 4_096, ""));
        body.put("disable_web_page_preview", true);
      }
    }
    try {
      return new Message(TYPE, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }

  private static String chat(Notification notification, int limit, String bold) {
    String text =
        bold
            + notification.title()
            + bold
            + (notification.text().isEmpty() ? "" : "\n" + notification.text());
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
